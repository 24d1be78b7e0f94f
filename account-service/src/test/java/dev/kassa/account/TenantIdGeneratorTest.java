package dev.kassa.account;

import dev.kassa.account.service.TenantIdGenerator;
import dev.kassa.common.tenant.TenantIds;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantIdGeneratorTest {

    @Test
    void lowestAndHighestIds() {
        assertEquals("A1000", new TenantIdGenerator(bound -> 0).next());
        assertEquals("Z9999", new TenantIdGenerator(bound -> bound - 1).next());
    }

    @Test
    void idsAreALetterAndFourDigitsAndValidTenantIds() {
        TenantIdGenerator generator = new TenantIdGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String id = generator.next();
            assertTrue(id.matches("[A-Z][1-9][0-9]{3}"), id);
            assertTrue(TenantIds.isValid(id), id);
            seen.add(id);
        }
        assertTrue(seen.size() > 1900, "ids are spread: " + seen.size());
    }
}
