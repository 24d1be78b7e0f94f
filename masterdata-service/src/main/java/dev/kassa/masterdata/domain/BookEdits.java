package dev.kassa.masterdata.domain;

import dev.kassa.common.api.ApiException;
import dev.kassa.masterdata.domain.BookLayout.BookButton;
import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import dev.kassa.masterdata.domain.BookLayout.BookTab;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Edits of an item book's layout, as Kugel makes them: adding a category, tab or button whose
 * number (or grid position) is taken is a duplicate (400); moving one onto a taken number is
 * invalid input (422); editing one that is not there is a 404. Updates keep the children when
 * the update brings none.
 */
public final class BookEdits {
    private BookEdits() {
    }

    public static List<BookCategory> addCategory(List<BookCategory> categories, BookCategory added) {
        if (indexOfCategory(categories, added.categoryNumber()) >= 0) {
            throw MasterDataErrors.exists("Category " + added.categoryNumber() + " of the item book");
        }
        List<BookCategory> out = new ArrayList<>(categories);
        out.add(stored(added));
        return out;
    }

    public static List<BookCategory> updateCategory(List<BookCategory> categories, int number, BookCategory update) {
        int at = requireCategory(categories, number);
        if (update.categoryNumber() != number && indexOfCategory(categories, update.categoryNumber()) >= 0) {
            throw ApiException.validation("Category " + update.categoryNumber() + " already exists in the item book");
        }
        BookCategory old = categories.get(at);
        List<BookTab> tabs = update.tabs().isEmpty() ? old.tabs() : stored(update).tabs();
        List<BookCategory> out = new ArrayList<>(categories);
        out.set(at, new BookCategory(update.categoryNumber(), update.title(), update.color(), tabs));
        return out;
    }

    public static List<BookCategory> deleteCategory(List<BookCategory> categories, int number) {
        int at = requireCategory(categories, number);
        List<BookCategory> out = new ArrayList<>(categories);
        out.remove(at);
        return out;
    }

    public static List<BookCategory> addTab(List<BookCategory> categories, int category, BookTab added) {
        return withTabs(categories, category, tabs -> {
            if (indexOfTab(tabs, added.tabNumber()) >= 0) {
                throw MasterDataErrors.exists("Tab " + added.tabNumber() + " of category " + category);
            }
            List<BookTab> out = new ArrayList<>(tabs);
            out.add(stored(added));
            return out;
        });
    }

    public static List<BookCategory> updateTab(List<BookCategory> categories, int category, int number,
                                               BookTab update) {
        return withTabs(categories, category, tabs -> {
            int at = requireTab(tabs, category, number);
            if (update.tabNumber() != number && indexOfTab(tabs, update.tabNumber()) >= 0) {
                throw ApiException.validation("Tab " + update.tabNumber() + " already exists in category " + category);
            }
            BookTab old = tabs.get(at);
            List<BookButton> buttons = update.buttons().isEmpty() ? old.buttons() : stored(update).buttons();
            List<BookTab> out = new ArrayList<>(tabs);
            out.set(at, new BookTab(update.tabNumber(), update.title(), update.color(), buttons));
            return out;
        });
    }

    public static List<BookCategory> deleteTab(List<BookCategory> categories, int category, int number) {
        return withTabs(categories, category, tabs -> {
            int at = requireTab(tabs, category, number);
            List<BookTab> out = new ArrayList<>(tabs);
            out.remove(at);
            return out;
        });
    }

    public static List<BookCategory> addButton(List<BookCategory> categories, int category, int tab,
                                               BookButton added) {
        return withButtons(categories, category, tab, buttons -> {
            if (indexOfButton(buttons, added.posX(), added.posY()) >= 0) {
                throw MasterDataErrors.exists("Button at (" + added.posX() + ", " + added.posY() + ")");
            }
            List<BookButton> out = new ArrayList<>(buttons);
            out.add(added.stored());
            return out;
        });
    }

    public static List<BookCategory> updateButton(List<BookCategory> categories, int category, int tab, int x, int y,
                                                  BookButton update) {
        return withButtons(categories, category, tab, buttons -> {
            int at = requireButton(buttons, x, y);
            boolean moved = !update.at(x, y);
            if (moved && indexOfButton(buttons, update.posX(), update.posY()) >= 0) {
                throw ApiException.validation("A button already exists at (" + update.posX() + ", "
                        + update.posY() + ")");
            }
            List<BookButton> out = new ArrayList<>(buttons);
            out.set(at, update.stored());
            return out;
        });
    }

    public static List<BookCategory> deleteButton(List<BookCategory> categories, int category, int tab, int x, int y) {
        return withButtons(categories, category, tab, buttons -> {
            int at = requireButton(buttons, x, y);
            List<BookButton> out = new ArrayList<>(buttons);
            out.remove(at);
            return out;
        });
    }

    /** The layout as stored: without the item prices and names that detail reads add. */
    public static List<BookCategory> stored(List<BookCategory> categories) {
        return categories == null ? List.of() : categories.stream().map(BookEdits::stored).toList();
    }

    private static BookCategory stored(BookCategory c) {
        return new BookCategory(c.categoryNumber(), c.title(), c.color(), c.tabs().stream().map(BookEdits::stored).toList());
    }

    private static BookTab stored(BookTab t) {
        return new BookTab(t.tabNumber(), t.title(), t.color(), t.buttons().stream().map(BookButton::stored).toList());
    }

    private static List<BookCategory> withTabs(List<BookCategory> categories, int category,
                                               UnaryOperator<List<BookTab>> edit) {
        int at = requireCategory(categories, category);
        BookCategory c = categories.get(at);
        List<BookCategory> out = new ArrayList<>(categories);
        out.set(at, new BookCategory(c.categoryNumber(), c.title(), c.color(), edit.apply(c.tabs())));
        return out;
    }

    private static List<BookCategory> withButtons(List<BookCategory> categories, int category, int tab,
                                                  UnaryOperator<List<BookButton>> edit) {
        return withTabs(categories, category, tabs -> {
            int at = requireTab(tabs, category, tab);
            BookTab t = tabs.get(at);
            List<BookTab> out = new ArrayList<>(tabs);
            out.set(at, new BookTab(t.tabNumber(), t.title(), t.color(), edit.apply(t.buttons())));
            return out;
        });
    }

    private static int requireCategory(List<BookCategory> categories, int number) {
        int at = indexOfCategory(categories, number);
        if (at < 0) {
            throw MasterDataErrors.notFound("Category " + number + " of the item book");
        }
        return at;
    }

    private static int requireTab(List<BookTab> tabs, int category, int number) {
        int at = indexOfTab(tabs, number);
        if (at < 0) {
            throw MasterDataErrors.notFound("Tab " + number + " of category " + category);
        }
        return at;
    }

    private static int requireButton(List<BookButton> buttons, int x, int y) {
        int at = indexOfButton(buttons, x, y);
        if (at < 0) {
            throw MasterDataErrors.notFound("Button at (" + x + ", " + y + ")");
        }
        return at;
    }

    private static int indexOfCategory(List<BookCategory> categories, int number) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).categoryNumber() == number) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfTab(List<BookTab> tabs, int number) {
        for (int i = 0; i < tabs.size(); i++) {
            if (tabs.get(i).tabNumber() == number) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfButton(List<BookButton> buttons, int x, int y) {
        for (int i = 0; i < buttons.size(); i++) {
            if (buttons.get(i).at(x, y)) {
                return i;
            }
        }
        return -1;
    }
}
