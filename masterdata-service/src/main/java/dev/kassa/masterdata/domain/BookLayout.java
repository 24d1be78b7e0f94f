package dev.kassa.masterdata.domain;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

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
            @NotNull @PositiveOrZero @Max(Limits.LIST_MAX) Integer categoryNumber,
            @NotBlank @Name String title,
            @NotNull @Name String color,
            @Size(max = Limits.LIST_MAX) List<@Valid @NotNull BookTab> tabs) {
        public BookCategory {
            tabs = tabs == null ? List.of() : List.copyOf(tabs);
        }
    }

    public record BookTab(
            @NotNull @PositiveOrZero @Max(Limits.LIST_MAX) Integer tabNumber,
            @NotBlank @Name String title,
            @NotNull @Name String color,
            @Size(max = Limits.LIST_MAX) List<@Valid @NotNull BookButton> buttons) {
        public BookTab {
            buttons = buttons == null ? List.of() : List.copyOf(buttons);
        }
    }

    /** {@code unitPrice} and {@code description} are filled in by the detail read only. */
    public record BookButton(
            @NotNull @PositiveOrZero @Max(Limits.LIST_MAX) Integer posX,
            @NotNull @PositiveOrZero @Max(Limits.LIST_MAX) Integer posY,
            @NotNull ButtonSize size,
            @NotNull @Text String imageUrl,
            @NotNull @Name String colorText,
            @NotBlank @Code String itemCode,
            @Amount BigDecimal unitPrice,
            @Name String description) {

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
