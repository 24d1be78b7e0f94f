package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.BookLayout.BookCategory;
import dev.kassa.masterdata.domain.Category;
import dev.kassa.masterdata.domain.Customer;
import dev.kassa.masterdata.domain.Item;
import dev.kassa.masterdata.domain.ItemBook;
import dev.kassa.masterdata.domain.Payment;
import dev.kassa.masterdata.domain.PricedItem;
import dev.kassa.masterdata.domain.Promotion;
import dev.kassa.masterdata.domain.Setting;
import dev.kassa.masterdata.domain.Staff;
import dev.kassa.masterdata.domain.StoreItem;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.service.ItemBookService;
import dev.kassa.masterdata.service.PromotionService;
import dev.kassa.masterdata.service.SettingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;

import static dev.kassa.masterdata.domain.Times.text;

/** Records as the wire shows them (camelCase, Kugel's field names). */
@ApplicationScoped
public class Views {

    @Inject
    JsonText json;

    @Inject
    SettingService settings;

    @Inject
    ItemBookService itemBooks;

    @Inject
    PromotionService promotions;

    /** 120.00 is shown as 120: amounts compare by value, and Kugel shows no trailing zeros either. */
    static BigDecimal amount(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    public CustomerView customer(Customer c) {
        return new CustomerView(c.customerCode, c.name, c.phone, c.email, c.loyaltyTier, amount(c.creditLimit),
                c.erased, text(c.entryDatetime), text(c.lastUpdateDatetime));
    }

    public StaffView staff(Staff s) {
        return new StaffView(s.id, s.name, json.strings(s.roles), text(s.entryDatetime), text(s.lastUpdateDatetime));
    }

    public CategoryView category(Category c) {
        return new CategoryView(c.categoryCode, c.description, c.descriptionShort, c.taxCode, text(c.entryDatetime),
                text(c.lastUpdateDatetime));
    }

    public ItemView item(Item i) {
        return new ItemView(i.itemCode, i.description, amount(i.unitPrice), amount(i.unitCost),
                json.strings(i.itemDetails), json.strings(i.imageUrls), i.categoryCode, i.taxCode,
                i.discountRestricted, i.deleted, text(i.entryDatetime), text(i.lastUpdateDatetime));
    }

    public StoreItemView storeItem(StoreItem s) {
        return new StoreItemView(s.key.itemCode, amount(s.storePrice), text(s.entryDatetime),
                text(s.lastUpdateDatetime));
    }

    /** Timestamps are the store price's when there is one (as in Kugel), else the item's. */
    public ItemDetailView detail(PricedItem p) {
        Item i = p.item();
        StoreItem s = p.storeItem();
        return new ItemDetailView(i.itemCode, i.description, amount(i.unitPrice), amount(i.unitCost),
                amount(p.storePrice()), json.strings(i.itemDetails), json.strings(i.imageUrls), i.categoryCode,
                i.taxCode, i.discountRestricted, i.deleted,
                text(s == null ? i.entryDatetime : s.entryDatetime),
                text(s == null ? i.lastUpdateDatetime : s.lastUpdateDatetime));
    }

    public PaymentView payment(Payment p) {
        return new PaymentView(p.paymentCode, p.description, amount(p.limitAmount), p.canRefund, p.canDepositOver,
                p.canChange, p.active, text(p.entryDatetime), text(p.lastUpdateDatetime));
    }

    public SettingView setting(Setting s) {
        return new SettingView(s.name, s.defaultValue, settings.values(s), text(s.entryDatetime),
                text(s.lastUpdateDatetime));
    }

    public TaxView tax(MasterDataConfig.Tax t) {
        return new TaxView(t.taxCode(), t.taxType(), t.taxName(), amount(t.rate()), t.roundDigit(),
                t.roundMethod().orElse(null), null, null);
    }

    public ItemBookView itemBook(ItemBook b) {
        return itemBook(b, itemBooks.layout(b));
    }

    public ItemBookView itemBook(ItemBook b, List<BookCategory> layout) {
        return new ItemBookView(b.itemBookId, b.title, layout, text(b.entryDatetime), text(b.lastUpdateDatetime));
    }

    public PromotionView promotion(Promotion p) {
        return new PromotionView(p.promotionCode, p.promotionType, p.name, p.description,
                promotions.text(p.startDatetime), promotions.text(p.endDatetime), p.active, promotions.detail(p),
                text(p.entryDatetime), text(p.lastUpdateDatetime));
    }
}
