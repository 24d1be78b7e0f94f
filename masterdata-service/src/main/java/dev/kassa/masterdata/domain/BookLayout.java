package dev.kassa.masterdata.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * The nested layout of an item book, the same shape in requests, responses and storage:
 * categories hold tabs, tabs hold buttons placed at (posX, posY).
 */
public final class BookLayout {
    private BookLayout() {
    }

    public enum ButtonSize {
        Single, DoubleWidth, DoubleHeight, Quad
    }

    public record BookCategory(
            @NotNull Integer categoryNumber,
            @NotBlank String title,
            @NotNull String color,
            List<@Valid @NotNull BookTab> tabs) {
        public BookCategory {
            tabs = tabs == null ? List.of() : List.copyOf(tabs);
        }
    }

    public record BookTab(
            @NotNull Integer tabNumber,
            @NotBlank String title,
            @NotNull String color,
            List<@Valid @NotNull BookButton> buttons) {
        public BookTab {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    /** {@code unitPrice} and {@code description} are filled in by the detail read only. */
    public record BookButton(
            @NotNull Integer posX,
            @NotNull Integer posY,
            @NotNull ButtonSize size,
            @NotNull String imageUrl,
            @NotNull String colorText,
            @NotBlank String itemCode,
            BigDecimal unitPrice,
            String description) {

        public BookButton stored() {
            return new BookButton(posX, posY, size, imageUrl, colorText, itemCode, null, null);
        }

        public BookButton withItem(BigDecimal price, String text) {
            return new BookButton(posX, posY, size, imageUrl, colorText, itemCode, price, text);
        }

        public boolean at(int x, int y) {
            return posX == x && posY == y;
        }
    }
}
