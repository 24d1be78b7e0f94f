package dev.kassa.masterdata.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.BookEdits;
import dev.kassa.masterdata.domain.BookLayout.BookButton;
import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import dev.kassa.masterdata.domain.BookLayout.BookTab;
import dev.kassa.masterdata.domain.Item;
import dev.kassa.masterdata.domain.ItemBook;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.StoreItem;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.repository.Pages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Item books: POS screen layouts. Ids are {@code YYYYMMDD-NNNN} as in Kugel. */
@ApplicationScoped
public class ItemBookService {
    public static final Set<String> SORTABLE = Set.of("item_book_id", "title", "entry_datetime",
            "last_update_datetime");
    private static final TypeReference<List<BookCategory>> LAYOUT = new TypeReference<>() {
    };

    @Inject
    TenantTx tx;

    @Inject
    Pages pages;

    @Inject
    JsonText json;

    @Inject
    MasterDataConfig config;

    public Uni<ItemBook> create(String tenantId, String title, List<BookCategory> categories) {
        String day = LocalDate.now(config.zone()).format(DateTimeFormatter.BASIC_ISO_DATE);
        return tx.run(tenantId, s -> s.createSelectionQuery(
                        "select max(b.itemBookId) from ItemBook b where b.itemBookId like :prefix", String.class)
                .setParameter("prefix", day + "-%")
                .getSingleResultOrNull()
                .flatMap(last -> {
                    int seq = last == null ? 1 : Integer.parseInt(last.substring(day.length() + 1)) + 1;
                    ItemBook book = new ItemBook();
                    book.itemBookId = "%s-%04d".formatted(day, seq);
                    book.title = title;
                    book.categories = json.write(BookEdits.stored(categories));
                    book.entryDatetime = Times.now();
                    return s.persist(book).call(s::flush).replaceWith(book);
                }));
    }

    public Uni<ItemBook> get(String tenantId, String id) {
        return tx.run(tenantId, s -> find(s, id));
    }

    public Uni<Pages.Page<ItemBook>> list(String tenantId, PageRequest page) {
        return tx.run(tenantId, s -> pages.page(s, ItemBook.class, "item_book", "", Map.of(), page,
                "item_book_id", "item_book_id"));
    }

    public Uni<ItemBook> replace(String tenantId, String id, String title, List<BookCategory> categories) {
        return tx.run(tenantId, s -> find(s, id).flatMap(book -> {
            book.title = title;
            book.categories = json.write(BookEdits.stored(categories));
            book.lastUpdateDatetime = Times.now();
            return s.flush().replaceWith(book);
        }));
    }

    public Uni<Void> delete(String tenantId, String id) {
        return tx.run(tenantId, s -> find(s, id).flatMap(book -> s.remove(book).call(s::flush)));
    }

    /** Applies an edit of the layout (see {@link BookEdits}) and saves the book. */
    public Uni<ItemBook> edit(String tenantId, String id, UnaryOperator<List<BookCategory>> edit) {
        return tx.run(tenantId, s -> find(s, id).flatMap(book -> {
            book.categories = json.write(edit.apply(layout(book)));
            book.lastUpdateDatetime = Times.now();
            return s.flush().replaceWith(book);
        }));
    }

    /**
     * The layout with each button's item description and price: the store's price when a store
     * is given and has one, else the common unit price; "not found" for unknown items.
     */
    public Uni<List<BookCategory>> detail(String tenantId, String id, String storeCode) {
        return tx.run(tenantId, s -> find(s, id).flatMap(book -> {
            List<BookCategory> layout = layout(book);
            Set<String> codes = layout.stream().flatMap(c -> c.tabs().stream()).flatMap(t -> t.buttons().stream())
                    .map(BookButton::itemCode).collect(Collectors.toCollection(LinkedHashSet::new));
            if (codes.isEmpty()) {
                return Uni.createFrom().item(layout);
            }
            Uni<Map<String, Item>> items = s.createSelectionQuery(
                            "from Item i where i.itemCode in :codes and i.deleted = false", Item.class)
                    .setParameter("codes", codes).getResultList()
                    .map(list -> list.stream().collect(Collectors.toMap(i -> i.itemCode, Function.identity())));
            Uni<Map<String, BigDecimal>> prices = storeCode == null ? Uni.createFrom().item(Map.of())
                    : s.createSelectionQuery("from StoreItem si where si.key.storeCode = :store and si.key.itemCode in :codes",
                            StoreItem.class)
                    .setParameter("store", storeCode).setParameter("codes", codes).getResultList()
                    .map(list -> list.stream().collect(Collectors.toMap(si -> si.key.itemCode, si -> si.storePrice)));
            return items.flatMap(found -> prices.map(store -> enrich(layout, found, store)));
        }));
    }

    public List<BookCategory> layout(ItemBook book) {
        List<BookCategory> layout = json.read(book.categories, LAYOUT);
        return layout == null ? List.of() : layout;
    }

    private static List<BookCategory> enrich(List<BookCategory> layout, Map<String, Item> items,
                                             Map<String, BigDecimal> storePrices) {
        return layout.stream().map(c -> new BookCategory(c.categoryNumber(), c.title(), c.color(),
                c.tabs().stream().map(t -> new BookTab(t.tabNumber(), t.title(), t.color(),
                        t.buttons().stream().map(b -> {
                            Item item = items.get(b.itemCode());
                            if (item == null) {
                                return b.withItem(null, "not found");
                            }
                            return b.withItem(storePrices.getOrDefault(b.itemCode(), item.unitPrice), item.description);
                        }).toList())).toList())).toList();
    }

    private static Uni<ItemBook> find(Mutiny.Session s, String id) {
        return s.find(ItemBook.class, id).onItem().ifNull().failWith(() -> MasterDataErrors.notFound("Item book " + id));
    }
}
