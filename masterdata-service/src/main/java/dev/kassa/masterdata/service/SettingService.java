package dev.kassa.masterdata.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Setting;
import dev.kassa.masterdata.domain.SettingText;
import dev.kassa.masterdata.domain.SettingValue;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.repository.Pages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Named settings with store- and terminal-scoped values (receipt texts, receipt number range...). */
@ApplicationScoped
public class SettingService {
    public static final String ENTITY = "setting";
    public static final Set<String> SORTABLE = Set.of("name", "default_value", "entry_datetime",
            "last_update_datetime");
    private static final TypeReference<List<SettingValue>> VALUES = new TypeReference<>() {
    };

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    @Inject
    JsonText json;

    public Uni<Setting> create(String tenantId, String name, String defaultValue, List<SettingValue> values) {
        return tx.run(tenantId, s -> s.find(Setting.class, name).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(MasterDataErrors.exists("Setting " + name));
            }
            Setting setting = new Setting();
            setting.name = name;
            setting.defaultValue = SettingText.normalize(defaultValue);
            setting.values = json.write(normalize(values));
            setting.entryDatetime = Times.now();
            return s.persist(setting).call(s::flush)
                    .call(() -> events.changed(s, tenantId, ENTITY, name, ChangeEvents.CREATED))
                    .replaceWith(setting);
        }));
    }

    public Uni<Setting> get(String tenantId, String name) {
        return tx.run(tenantId, s -> find(s, name));
    }

    public Uni<Pages.Page<Setting>> list(String tenantId, PageRequest page) {
        return tx.run(tenantId, s -> pages.page(s, Setting.class, "setting", "", Map.of(), page, "name", "name"));
    }

    public Uni<Setting> update(String tenantId, String name, String defaultValue, List<SettingValue> values) {
        return tx.run(tenantId, s -> find(s, name).flatMap(setting -> {
            setting.defaultValue = SettingText.normalize(defaultValue);
            setting.values = json.write(normalize(values));
            setting.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, name, ChangeEvents.UPDATED))
                    .replaceWith(setting);
        }));
    }

    public Uni<Void> delete(String tenantId, String name) {
        return tx.run(tenantId, s -> find(s, name)
                .flatMap(setting -> s.remove(setting).call(s::flush))
                .call(() -> events.changed(s, tenantId, ENTITY, name, ChangeEvents.DELETED)));
    }

    /** The value for a store's terminal: store and terminal, store, global, else the default. */
    public Uni<String> value(String tenantId, String name, String storeCode, Integer terminalNo) {
        return get(tenantId, name).map(setting -> SettingValue.resolve(values(setting), storeCode, terminalNo)
                .orElse(setting.defaultValue));
    }

    public List<SettingValue> values(Setting setting) {
        List<SettingValue> values = json.read(setting.values, VALUES);
        return values == null ? List.of() : values;
    }

    private static List<SettingValue> normalize(List<SettingValue> values) {
        return values.stream()
                .map(v -> new SettingValue(v.storeCode(), v.terminalNo(), SettingText.normalize(v.value())))
                .toList();
    }

    private static Uni<Setting> find(Mutiny.Session s, String name) {
        return s.find(Setting.class, name).onItem().ifNull().failWith(() -> MasterDataErrors.notFound("Setting " + name));
    }
}
