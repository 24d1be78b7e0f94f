package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.domain.BookEdits;
import dev.kassa.masterdata.domain.BookLayout.BookButton;
import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import dev.kassa.masterdata.domain.BookLayout.BookTab;
import dev.kassa.masterdata.service.ItemBookService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/**
 * Item books (POS screen layouts) and their nested categories, tabs and buttons. Every write
 * answers the whole book; {@code …/detail?store_code} adds each button's item name and price.
 */
@Path("/api/v1/tenants/{tenant_id}/item_books")
@Produces(MediaType.APPLICATION_JSON)
public class ItemBookResource {

    @Inject
    CallerContext callers;

    @Inject
    ItemBookService books;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<ItemBookView>> create(@RestPath("tenant_id") String tenantId,
                                                 @Valid @NotNull ItemBookCreate body) {
        callers.userOfTenant(tenantId);
        return books.create(tenantId, body.title(), body.categories()).map(b -> ApiResponse.created(views.itemBook(b),
                "Item book " + b.itemBookId + " created", "create_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<ItemBookView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                     @RestQuery Integer limit, @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, ItemBookService.SORTABLE);
        return books.list(tenantId, request).map(p -> Paging.answer(p, request, null, views::itemBook,
                "Item books found for tenant " + tenantId, "get_all_item_books"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{item_book_id}")
    public Uni<ApiResponse<ItemBookView>> get(@RestPath("tenant_id") String tenantId,
                                              @RestPath("item_book_id") String id) {
        callers.forTenant(tenantId);
        return books.get(tenantId, id).map(b -> ApiResponse.ok(views.itemBook(b), "Item book " + id + " found",
                "get_item_book_by_id"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{item_book_id}/detail")
    public Uni<ApiResponse<ItemBookView>> detail(@RestPath("tenant_id") String tenantId,
                                                 @RestPath("item_book_id") String id,
                                                 @RestQuery("store_code") String storeCode) {
        callers.forTenant(tenantId);
        return books.get(tenantId, id).flatMap(b -> books.detail(tenantId, id, storeCode)
                .map(layout -> ApiResponse.ok(views.itemBook(b, layout), "Item book " + id + " found",
                        "get_item_book_detail_by_id")));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{item_book_id}")
    public Uni<ApiResponse<ItemBookView>> update(@RestPath("tenant_id") String tenantId,
                                                 @RestPath("item_book_id") String id,
                                                 @Valid @NotNull ItemBookCreate body) {
        callers.userOfTenant(tenantId);
        return books.replace(tenantId, id, body.title(), body.categories()).map(b -> ApiResponse.ok(views.itemBook(b),
                "Item book " + id + " updated", "update_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{item_book_id}")
    public Uni<ApiResponse<ItemBookDeleted>> delete(@RestPath("tenant_id") String tenantId,
                                                    @RestPath("item_book_id") String id) {
        callers.userOfTenant(tenantId);
        return books.delete(tenantId, id).map(v -> ApiResponse.ok(new ItemBookDeleted(id),
                "Item book " + id + " deleted", "delete_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @Path("{item_book_id}/categories")
    @ResponseStatus(201)
    public Uni<ApiResponse<ItemBookView>> addCategory(@RestPath("tenant_id") String tenantId,
                                                      @RestPath("item_book_id") String id,
                                                      @Valid @NotNull BookCategory body) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.addCategory(layout, body)).map(b -> ApiResponse.created(
                views.itemBook(b), "Category " + body.categoryNumber() + " added", "add_category_to_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{item_book_id}/categories/{category_number}")
    public Uni<ApiResponse<ItemBookView>> updateCategory(@RestPath("tenant_id") String tenantId,
                                                         @RestPath("item_book_id") String id,
                                                         @RestPath("category_number") int category,
                                                         @Valid @NotNull BookCategory body) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.updateCategory(layout, category, body))
                .map(b -> ApiResponse.ok(views.itemBook(b), "Category " + category + " updated",
                        "update_category_in_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{item_book_id}/categories/{category_number}")
    public Uni<ApiResponse<BookCategoryDeleted>> deleteCategory(@RestPath("tenant_id") String tenantId,
                                                                @RestPath("item_book_id") String id,
                                                                @RestPath("category_number") int category) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.deleteCategory(layout, category))
                .map(b -> ApiResponse.ok(new BookCategoryDeleted(id, category), "Category " + category + " deleted",
                        "delete_category_from_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @Path("{item_book_id}/categories/{category_number}/tabs")
    @ResponseStatus(201)
    public Uni<ApiResponse<ItemBookView>> addTab(@RestPath("tenant_id") String tenantId,
                                                 @RestPath("item_book_id") String id,
                                                 @RestPath("category_number") int category,
                                                 @Valid @NotNull BookTab body) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.addTab(layout, category, body)).map(b -> ApiResponse.created(
                views.itemBook(b), "Tab " + body.tabNumber() + " added", "add_tab_to_category_in_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{item_book_id}/categories/{category_number}/tabs/{tab_number}")
    public Uni<ApiResponse<ItemBookView>> updateTab(@RestPath("tenant_id") String tenantId,
                                                    @RestPath("item_book_id") String id,
                                                    @RestPath("category_number") int category,
                                                    @RestPath("tab_number") int tab,
                                                    @Valid @NotNull BookTab body) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.updateTab(layout, category, tab, body))
                .map(b -> ApiResponse.ok(views.itemBook(b), "Tab " + tab + " updated",
                        "update_tab_in_category_in_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{item_book_id}/categories/{category_number}/tabs/{tab_number}")
    public Uni<ApiResponse<BookTabDeleted>> deleteTab(@RestPath("tenant_id") String tenantId,
                                                      @RestPath("item_book_id") String id,
                                                      @RestPath("category_number") int category,
                                                      @RestPath("tab_number") int tab) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.deleteTab(layout, category, tab))
                .map(b -> ApiResponse.ok(new BookTabDeleted(id, category, tab), "Tab " + tab + " deleted",
                        "delete_tab_from_category_in_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @Path("{item_book_id}/categories/{category_number}/tabs/{tab_number}/buttons")
    @ResponseStatus(201)
    public Uni<ApiResponse<ItemBookView>> addButton(@RestPath("tenant_id") String tenantId,
                                                    @RestPath("item_book_id") String id,
                                                    @RestPath("category_number") int category,
                                                    @RestPath("tab_number") int tab,
                                                    @Valid @NotNull BookButton body) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.addButton(layout, category, tab, body))
                .map(b -> ApiResponse.created(views.itemBook(b), "Button added",
                        "add_button_to_tab_in_category_in_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{item_book_id}/categories/{category_number}/tabs/{tab_number}/buttons/pos_x/{pos_x}/pos_y/{pos_y}")
    public Uni<ApiResponse<ItemBookView>> updateButton(@RestPath("tenant_id") String tenantId,
                                                       @RestPath("item_book_id") String id,
                                                       @RestPath("category_number") int category,
                                                       @RestPath("tab_number") int tab,
                                                       @RestPath("pos_x") int x, @RestPath("pos_y") int y,
                                                       @Valid @NotNull BookButton body) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.updateButton(layout, category, tab, x, y, body))
                .map(b -> ApiResponse.ok(views.itemBook(b), "Button updated",
                        "update_button_in_tab_in_category_in_item_book"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{item_book_id}/categories/{category_number}/tabs/{tab_number}/buttons/pos_x/{pos_x}/pos_y/{pos_y}")
    public Uni<ApiResponse<BookButtonDeleted>> deleteButton(@RestPath("tenant_id") String tenantId,
                                                            @RestPath("item_book_id") String id,
                                                            @RestPath("category_number") int category,
                                                            @RestPath("tab_number") int tab,
                                                            @RestPath("pos_x") int x, @RestPath("pos_y") int y) {
        callers.userOfTenant(tenantId);
        return books.edit(tenantId, id, layout -> BookEdits.deleteButton(layout, category, tab, x, y))
                .map(b -> ApiResponse.ok(new BookButtonDeleted(id, category, tab, x, y), "Button deleted",
                        "delete_button_from_tab_in_category_in_item_book"));
    }
}
