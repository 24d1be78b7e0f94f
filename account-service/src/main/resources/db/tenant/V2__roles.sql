-- Users' roles become those of the role table (owner, manager, cashier, viewer; docs/roles.md). A
-- superuser is an owner; other names (the former default "user", free-form ones) are dropped, and a
-- user left with no role becomes a cashier, as a user added without roles is now.
UPDATE users
SET roles = ARRAY['owner'] || ARRAY(SELECT DISTINCT r FROM unnest(roles) AS r
                                    WHERE r IN ('manager', 'cashier', 'viewer') ORDER BY r)
WHERE is_superuser;

UPDATE users
SET roles = ARRAY(SELECT DISTINCT r FROM unnest(roles) AS r
                  WHERE r IN ('owner', 'manager', 'cashier', 'viewer') ORDER BY r)
WHERE NOT is_superuser;

UPDATE users SET roles = ARRAY['cashier'] WHERE cardinality(roles) = 0;
