package dev.kassa.masterdata.rest;

import java.util.List;

/** A member of staff as answered: the PIN is never part of it (Kassa decision; Kugel issue #136 agrees). */
public record StaffView(String id, String name, List<String> roles, String entryDatetime, String lastUpdateDatetime) {
}
