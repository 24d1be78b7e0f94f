package dev.kassa.common.platformtest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.event.OutgoingEvent;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.OutboxWriter;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.pg.TenantTx;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A minimal tenant-scoped API over the platform pieces, used only by common's tests. */
@Path("/api/v1")
public class NoteResource {
    public static final String TOPIC = "pos.test-notes";

    @Inject
    TenantSchemas schemas;
    @Inject
    TenantTx tx;
    @Inject
    OutboxWriter outbox;
    @Inject
    CallerContext callers;

    public record TenantRequest(@NotBlank String tenantId) {
    }

    /** {@code paddingBytes} makes the note's event that much larger (outbox size tests). */
    public record NoteRequest(@NotBlank String text, @NotNull @Min(1) @Max(1000) Integer quantityOrdered,
                              @Min(0) @Max(16 * 1024 * 1024) Integer paddingBytes) {
    }

    public record Note(long id, String text, int quantityOrdered) {
    }

    public record NoteCreated(String event_id, String event_type, String tenant_id, long note_id, int qty,
                              String padding) {
    }

    @POST
    @Path("/tenants")
    @Authenticated
    @ResponseStatus(201)
    public Uni<ApiResponse<Map<String, String>>> provision(@Valid @NotNull TenantRequest body) {
        callers.userOfTenant(body.tenantId());
        return schemas.provision(body.tenantId())
                .map(created -> ApiResponse.created(Map.of("tenantId", body.tenantId()), "Tenant provisioned",
                        "create_tenant"));
    }

    @POST
    @Path("/tenants/{tenantId}/notes")
    @Authenticated
    @ResponseStatus(201)
    public Uni<ApiResponse<Note>> create(@PathParam("tenantId") String tenantId, @Valid @NotNull NoteRequest body) {
        callers.userOfTenant(tenantId);
        return tx.run(tenantId, session -> session
                .createNativeQuery("INSERT INTO note (text, qty) VALUES (:text, :qty) RETURNING id", Long.class)
                .setParameter("text", body.text())
                .setParameter("qty", body.quantityOrdered())
                .getSingleResult()
                .flatMap(id -> {
                    String eventId = UUID.randomUUID().toString();
                    String padding = body.paddingBytes() == null ? null : "x".repeat(body.paddingBytes());
                    NoteCreated event = new NoteCreated(eventId, "note_created", tenantId, id, body.quantityOrdered(),
                            padding);
                    return outbox.append(session, new OutgoingEvent(eventId, tenantId, TOPIC, tenantId,
                                    "note_created", event))
                            .replaceWith(new Note(id, body.text(), body.quantityOrdered()));
                }))
                .map(note -> ApiResponse.created(note, "Note created", "create_note"));
    }

    @GET
    @Path("/tenants/{tenantId}/notes")
    @Authenticated
    public Uni<ApiResponse<List<Note>>> list(@PathParam("tenantId") String tenantId, @QueryParam("page") Integer page,
                                             @QueryParam("limit") Integer limit, @QueryParam("sort") String sort) {
        callers.forTenant(tenantId);
        PageRequest paging = PageRequest.of(page, limit, sort, Set.of("id", "text", "qty"));
        return tx.run(tenantId, session -> session
                .createNativeQuery("SELECT count(*) FROM note", Long.class).getSingleResult()
                .flatMap(total -> session.createNativeQuery("SELECT id, text, qty FROM note"
                                + paging.orderBy("id", "id") + " LIMIT :limit OFFSET :offset", Object[].class)
                        .setParameter("limit", paging.limit())
                        .setParameter("offset", paging.offset())
                        .getResultList()
                        .map(rows -> ApiResponse.page(rows.stream()
                                        .map(r -> new Note(((Number) r[0]).longValue(), (String) r[1],
                                                ((Number) r[2]).intValue()))
                                        .toList(), paging.metadata(total, Map.of()), "Notes", "list_notes"))));
    }

    @GET
    @Path("/tenants/{tenantId}/notes/{id}")
    @Authenticated
    public Uni<ApiResponse<Note>> get(@PathParam("tenantId") String tenantId, @PathParam("id") long id) {
        callers.forTenant(tenantId);
        return tx.run(tenantId, session -> session
                        .createNativeQuery("SELECT id, text, qty FROM note WHERE id = :id", Object[].class)
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("Note " + id + " not found");
                    }
                    Object[] r = rows.get(0);
                    return ApiResponse.ok(new Note(((Number) r[0]).longValue(), (String) r[1],
                            ((Number) r[2]).intValue()), "Note", "get_note");
                });
    }

    /** A lookup by code, for the checks of path and query values; no note has a code, so a clean one is 404. */
    @GET
    @Path("/tenants/{tenantId}/notes/by-code/{note_code}")
    @Authenticated
    public Uni<ApiResponse<Note>> byCode(@PathParam("tenantId") String tenantId, @PathParam("note_code") String code,
                                         @QueryParam("store_code") String storeCode, @QueryParam("text") String text) {
        callers.forTenant(tenantId);
        return Uni.createFrom().failure(ApiException.notFound("Note " + code + " not found"));
    }

    /** An answer the JSON writer refuses (a plain BigDecimal of scale -10000): a server fault. */
    @GET
    @Path("/tenants/{tenantId}/unwritable")
    @Authenticated
    public ApiResponse<java.math.BigDecimal> unwritable(@PathParam("tenantId") String tenantId) {
        callers.forTenant(tenantId);
        return ApiResponse.ok(new java.math.BigDecimal("1e10000"), "Unwritable", "unwritable");
    }

    public record WrittenEvent(String eventId, String key) {
    }

    /** Writes the largest sale the input bounds allow as a tranlog event, as the cart would (size tests). */
    @POST
    @Path("/tenants/{tenantId}/largest-tranlog")
    @Authenticated
    @ResponseStatus(201)
    public Uni<ApiResponse<WrittenEvent>> largestTranlog(@PathParam("tenantId") String tenantId) {
        callers.userOfTenant(tenantId);
        TranLog tranlog = LargestSale.tranlog(tenantId);
        String key = Topics.terminalKey(tenantId, tranlog.storeCode(), tranlog.terminalNo());
        return tx.run(tenantId, session -> outbox.append(session, new OutgoingEvent(tranlog.eventId(), tenantId,
                        Topics.TRANLOG, key, TranLog.EVENT_TYPE, tranlog)))
                .map(done -> ApiResponse.created(new WrittenEvent(tranlog.eventId(), key), "Tranlog written",
                        "write_tranlog"));
    }

    public record Tally(long total, int applied) {
    }

    @GET
    @Path("/tenants/{tenantId}/tally")
    @Authenticated
    public Uni<ApiResponse<Tally>> tally(@PathParam("tenantId") String tenantId) {
        callers.forTenant(tenantId);
        return tx.run(tenantId, session -> session
                        .createNativeQuery("SELECT total, applied FROM tally WHERE id = 1", Object[].class)
                        .getResultList())
                .map(rows -> ApiResponse.ok(rows.isEmpty() ? new Tally(0, 0)
                        : new Tally(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).intValue()),
                        "Tally", "get_tally"));
    }

    public record RawView(long notes, String schema) {
    }

    /** A raw query with no tenant predicate, run inside the tenant's transaction (isolation tests). */
    @GET
    @Path("/tenants/{tenantId}/raw-view")
    @Authenticated
    public Uni<ApiResponse<RawView>> rawView(@PathParam("tenantId") String tenantId) {
        callers.forTenant(tenantId);
        return tx.run(tenantId, session -> session
                        .createNativeQuery("SELECT (SELECT count(*) FROM note), current_schema()", Object[].class)
                        .getSingleResult())
                .map(r -> ApiResponse.ok(new RawView(((Number) r[0]).longValue(), (String) r[1]), "Raw", "raw_view"));
    }
}
