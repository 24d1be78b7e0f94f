package dev.kassa.masterdata.domain;

import dev.kassa.common.api.ApiException;
import dev.kassa.masterdata.domain.BookLayout.BookButton;
import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import dev.kassa.masterdata.domain.BookLayout.BookTab;
import dev.kassa.masterdata.domain.BookLayout.ButtonSize;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BookEditsTest {
    static BookButton button(int x, int y) {
        return new BookButton(x, y, ButtonSize.Single, "", "#000", "I" + x + y, null, null);
    }

    static final List<BookCategory> BOOK = List.of(new BookCategory(1, "C1", "red",
            List.of(new BookTab(1, "T1", "blue", List.of(button(0, 0), button(1, 0))))));

    static void assertStatus(int status, String code, Runnable edit) {
        ApiException e = assertThrows(ApiException.class, edit::run);
        assertEquals(status, e.status());
        assertEquals(code, e.errorCode());
    }

    @Test
    void categories() {
        List<BookCategory> two = BookEdits.addCategory(BOOK, new BookCategory(2, "C2", "green", null));
        assertEquals(List.of(1, 2), two.stream().map(BookCategory::categoryNumber).toList());
        assertStatus(400, "500005", () -> BookEdits.addCategory(two, new BookCategory(2, "x", "x", null)));
        List<BookCategory> moved = BookEdits.updateCategory(two, 1, new BookCategory(3, "C3", "black", List.of()));
        assertEquals(3, moved.get(0).categoryNumber());
        assertEquals(2, moved.get(0).tabs().get(0).buttons().size(), "tabs are kept when none are sent");
        assertStatus(422, "300001", () -> BookEdits.updateCategory(two, 1, new BookCategory(2, "x", "x", null)));
        assertStatus(404, "405002", () -> BookEdits.updateCategory(two, 7, new BookCategory(7, "x", "x", null)));
        assertEquals(List.of(2), BookEdits.deleteCategory(two, 1).stream().map(BookCategory::categoryNumber).toList());
        assertStatus(404, "405002", () -> BookEdits.deleteCategory(two, 7));
    }

    @Test
    void tabsAndButtons() {
        List<BookCategory> tabs = BookEdits.addTab(BOOK, 1, new BookTab(2, "T2", "x", null));
        assertEquals(2, tabs.get(0).tabs().size());
        assertStatus(400, "500005", () -> BookEdits.addTab(tabs, 1, new BookTab(2, "x", "x", null)));
        assertStatus(404, "405002", () -> BookEdits.addTab(tabs, 9, new BookTab(3, "x", "x", null)));
        assertStatus(422, "300001", () -> BookEdits.updateTab(tabs, 1, 1, new BookTab(2, "x", "x", null)));
        assertEquals(1, BookEdits.deleteTab(tabs, 1, 2).get(0).tabs().size());

        List<BookCategory> three = BookEdits.addButton(BOOK, 1, 1, button(2, 2).withItem(BigDecimal.ONE, "shown"));
        BookButton added = three.get(0).tabs().get(0).buttons().get(2);
        assertNull(added.unitPrice(), "read-only detail fields are not stored");
        assertNull(added.description());
        assertStatus(400, "500005", () -> BookEdits.addButton(three, 1, 1, button(0, 0)));
        assertStatus(422, "300001", () -> BookEdits.updateButton(three, 1, 1, 2, 2, button(1, 0)));
        List<BookCategory> moved = BookEdits.updateButton(three, 1, 1, 2, 2, button(5, 5));
        assertEquals(5, moved.get(0).tabs().get(0).buttons().get(2).posX());
        assertStatus(404, "405002", () -> BookEdits.deleteButton(moved, 1, 1, 2, 2));
        assertEquals(2, BookEdits.deleteButton(moved, 1, 1, 5, 5).get(0).tabs().get(0).buttons().size());
        assertStatus(404, "405002", () -> BookEdits.deleteButton(moved, 1, 9, 0, 0));
    }
}
