package dev.kassa.report;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One business day of one terminal, as the terminal and cart services publish it. Tax 01 is
 * external 10 %, tax 02 internal 10 % (whole yen, floor). Items: 4901 Apple (category 001, 100),
 * 4902 Bread (002, 300), 4903 Cheese (002, 550, internal tax).
 * <pre>
 * 10:00 open, initial amount 10000 (a cash log +10000)   10:05 cash in +5000
 * #1 101 10:10 Apple x2 (line discount 20) + Bread x1, subtotal discount 30 (allocated 11 / 19):
 *        net lines 169 + 281 = 450, tax 45, with tax 495, paid cash 500, change 5
 * #2 101 11:30 Cheese x1 (550, internal tax 50) + Apple x1 (100, tax 10): 650, with tax 660,
 *        paid cash 100 + cashless 560
 * #3 101 12:00 cancelled cart: Apple x1, 110
 * #4 101 13:00 Apple x3, promotion PROMO10 10 % (30) = 270, + Bread x1 with a 50 discount cancelled in the
 *        cart; tax 27, with tax 297, paid cash 300
 * #5 101 14:00 Bread x2 = 600, tax 60, with tax 660, paid cash 1000, change 340
 * #6 102 15:00 the return of #5: 660 cash back
 * #7 101 15:10 Apple x1 = 100, tax 10, with tax 110, paid cashless
 * #8 201 15:20 the void of #7
 * 16:00 cash out -2000        17:00 close: 8 transactions, last #8, 3 cash logs, counted 13900
 * </pre>
 */
public final class ScriptedDay {
    public static final String DATE = "20260315";
    public static final String ZONE = "+09:00";

    public final String tenant;
    public final String store;
    public final int terminal;
    public final String date;
    public final int openCounter;

    public final OpenCloseLog open;
    public final List<CashLog> cash = new ArrayList<>();
    public final List<TranLog> trans = new ArrayList<>();
    public final OpenCloseLog close;

    public ScriptedDay(String tenant, String store, int terminal) {
        this(tenant, store, terminal, DATE, 1);
    }

    public ScriptedDay(String tenant, String store, int terminal, String date, int openCounter) {
        this.tenant = tenant;
        this.store = store;
        this.terminal = terminal;
        this.date = date;
        this.openCounter = openCounter;
        String day = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6) + "T";

        open = openClose(OpenCloseLog.OPEN, day + "10:00:00.000" + ZONE, null, null, null, null, null);
        cash.add(cash(day + "10:00:00.000" + ZONE, "10000", "Initial amount"));
        cash.add(cash(day + "10:05:00.000" + ZONE, "5000", "Change fund"));

        // #1: line discount 20 on Apple, subtotal discount 30 allocated 11 (Apple) and 19 (Bread).
        trans.add(tran(1, TranLog.SALE, day + "10:10:00.000" + ZONE,
                sales("450", "495", "45", 3, "5", "50", false),
                List.of(line(1, "4901", "Apple", "001", "100", 2, "180", "01",
                                List.of(discount("DiscountAmount", "20", "20", null, null)), List.of(alloc("11", 2)),
                                false),
                        line(2, "4902", "Bread", "002", "300", 1, "300", "01", List.of(), List.of(alloc("19", 1)),
                                false)),
                List.of(payment(1, "01", "Cash", "500", "495")),
                List.of(tax(1, "01", "External", "External 10%", "45", "450", 3)),
                List.of(discount("DiscountAmount", "30", "30", null, null)), null));
        // #2: internal tax on Cheese, split payment.
        trans.add(tran(2, TranLog.SALE, day + "11:30:00.000" + ZONE,
                sales("650", "660", "10", 2, "0", "0", false),
                List.of(line(1, "4903", "Cheese", "002", "550", 1, "550", "02", List.of(), List.of(), false),
                        line(2, "4901", "Apple", "001", "100", 1, "100", "01", List.of(), List.of(), false)),
                List.of(payment(1, "01", "Cash", "100", "100"), payment(2, "11", "Cashless", "0", "560")),
                List.of(tax(1, "01", "External", "External 10%", "10", "100", 1),
                        tax(2, "02", "Internal", "Internal 10%", "50", "550", 1)),
                List.of(), null));
        // #3: a cancelled cart consumes a number; the reports leave it out, the verification counts it.
        trans.add(tran(3, TranLog.SALE, day + "12:00:00.000" + ZONE,
                sales("100", "110", "10", 1, "0", "0", true),
                List.of(line(1, "4901", "Apple", "001", "100", 1, "100", "01", List.of(), List.of(), false)),
                List.of(), List.of(tax(1, "01", "External", "External 10%", "10", "100", 1)), List.of(), null));
        // #4: a promotion on Apple; Bread with a discount was cancelled in the cart.
        trans.add(tran(4, TranLog.SALE, day + "13:00:00.000" + ZONE,
                sales("270", "297", "27", 3, "3", "30", false),
                List.of(line(1, "4901", "Apple", "001", "100", 3, "270", "01",
                                List.of(discount("DiscountPercentage", "10", "30", "PROMO10", "category_discount")),
                                List.of(), false),
                        line(2, "4902", "Bread", "002", "300", 1, "250", "01",
                                List.of(discount("DiscountAmount", "50", "50", null, null)), List.of(), true)),
                List.of(payment(1, "01", "Cash", "300", "297")),
                List.of(tax(1, "01", "External", "External 10%", "27", "270", 3)), List.of(), null));
        // #5 and its return #6.
        List<TranLog.LineItem> bread2 = List.of(line(1, "4902", "Bread", "002", "300", 2, "600", "01", List.of(),
                List.of(), false));
        List<TranLog.Tax> tax60 = List.of(tax(1, "01", "External", "External 10%", "60", "600", 2));
        trans.add(tran(5, TranLog.SALE, day + "14:00:00.000" + ZONE, sales("600", "660", "60", 2, "340", "0", false),
                bread2, List.of(payment(1, "01", "Cash", "1000", "660")), tax60, List.of(), null));
        trans.add(tran(6, TranLog.RETURN, day + "15:00:00.000" + ZONE, sales("600", "660", "60", 2, "0", "0", false),
                bread2, List.of(payment(1, "01", "Cash", "660", "660")), tax60, List.of(), origin(5, day)));
        // #7 and its void #8.
        List<TranLog.LineItem> apple1 = List.of(line(1, "4901", "Apple", "001", "100", 1, "100", "01", List.of(),
                List.of(), false));
        List<TranLog.Tax> tax10 = List.of(tax(1, "01", "External", "External 10%", "10", "100", 1));
        trans.add(tran(7, TranLog.SALE, day + "15:10:00.000" + ZONE, sales("100", "110", "10", 1, "0", "0", false),
                apple1, List.of(payment(1, "11", "Cashless", "0", "110")), tax10, List.of(), null));
        trans.add(tran(8, TranLog.VOID_SALE, day + "15:20:00.000" + ZONE,
                sales("100", "110", "10", 1, "0", "0", false),
                apple1, List.of(payment(1, "11", "Cashless", "0", "110")), tax10, List.of(), origin(7, day)));

        cash.add(cash(day + "16:00:00.000" + ZONE, "-2000", "Bank deposit"));
        close = openClose(OpenCloseLog.CLOSE, day + "17:00:00.000" + ZONE, new BigDecimal("13900"), 8, 8L, 3,
                day + "16:00:00.000" + ZONE);
    }

    /** A record on its topic, as the publisher sends it. */
    public record Event(String topic, String key, String eventId, Object log) {
    }

    /** Everything of the day in publishing order. */
    public List<Event> events() {
        List<Event> all = new ArrayList<>();
        all.add(event(Topics.OPENCLOSELOG, open.eventId(), open));
        all.add(event(Topics.CASHLOG, cash.get(0).eventId(), cash.get(0)));
        all.add(event(Topics.CASHLOG, cash.get(1).eventId(), cash.get(1)));
        trans.forEach(t -> all.add(event(Topics.TRANLOG, t.eventId(), t)));
        all.add(event(Topics.CASHLOG, cash.get(2).eventId(), cash.get(2)));
        all.add(event(Topics.OPENCLOSELOG, close.eventId(), close));
        return all;
    }

    public Event event(Object log) {
        if (log instanceof TranLog t) {
            return event(Topics.TRANLOG, t.eventId(), t);
        }
        if (log instanceof CashLog c) {
            return event(Topics.CASHLOG, c.eventId(), c);
        }
        OpenCloseLog o = (OpenCloseLog) log;
        return event(Topics.OPENCLOSELOG, o.eventId(), o);
    }

    private Event event(String topic, String eventId, Object log) {
        return new Event(topic, Topics.terminalKey(tenant, store, terminal), eventId, log);
    }

    /** A sale of one Apple on this terminal (for later days and late arrivals). */
    public TranLog apple(long no, String time) {
        return tran(no, TranLog.SALE, time, sales("100", "110", "10", 1, "0", "0", false),
                List.of(line(1, "4901", "Apple", "001", "100", 1, "100", "01", List.of(), List.of(), false)),
                List.of(payment(1, "01", "Cash", "110", "110")),
                List.of(tax(1, "01", "External", "External 10%", "10", "100", 1)), List.of(), null);
    }

    public TranLog tran(long no, int type, String time, TranLog.Sales sales, List<TranLog.LineItem> lines,
                        List<TranLog.Payment> payments, List<TranLog.Tax> taxes, List<TranLog.Discount> subtotal,
                        TranLog.Origin origin) {
        return new TranLog(UUID.randomUUID().toString(), TranLog.EVENT_TYPE, tenant, store, "Store " + store,
                terminal, no, type, date, openCounter, openCounter, time, 111110 + no,
                new TranLog.Person("99", "John Doe"), new TranLog.Person("S001", "Staff1"), sales, lines, payments,
                taxes, subtotal, origin, "receipt #" + no, "journal #" + no, null);
    }

    public CashLog cash(String time, String amount, String description) {
        return new CashLog(UUID.randomUUID().toString(), CashLog.EVENT_TYPE, tenant, store, "Store " + store,
                terminal, "S001", "Staff1", date, openCounter, openCounter, time, new BigDecimal(amount), description,
                description, description);
    }

    public OpenCloseLog openClose(String operation, String time, BigDecimal physical, Integer tranCount,
                                  Long lastNo, Integer cashCount, String lastCash) {
        String terminalId = Topics.terminalKey(tenant, store, terminal);
        OpenCloseLog.TerminalInfo info = new OpenCloseLog.TerminalInfo(terminalId, tenant, store, terminal, "till",
                "Sales", OpenCloseLog.OPEN.equals(operation) ? "Opened" : "Closed", date, openCounter, openCounter,
                new BigDecimal("10000"), physical, "key-****");
        return new OpenCloseLog(UUID.randomUUID().toString(), operation, tenant, store, "Store " + store, terminal,
                "S001", "Staff1", date, openCounter, openCounter, time, operation, info, tranCount, lastNo, cashCount,
                lastCash, operation, operation);
    }

    static TranLog.Sales sales(String total, String withTax, String tax, int qty, String change, String discount,
                               boolean cancelled) {
        return new TranLog.Sales(new BigDecimal(total), new BigDecimal(withTax), new BigDecimal(tax), qty,
                new BigDecimal(change), new BigDecimal(discount), cancelled, false, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    static TranLog.LineItem line(int no, String item, String name, String category, String price, int qty,
                                 String amount, String taxCode, List<TranLog.Discount> discounts,
                                 List<TranLog.AllocatedDiscount> allocated, boolean cancelled) {
        return new TranLog.LineItem(no, item, name, category, new BigDecimal(price), new BigDecimal(price), false, qty,
                new BigDecimal(amount), taxCode, discounts, allocated, cancelled, false);
    }

    static TranLog.Discount discount(String type, String value, String amount, String promotion, String promoType) {
        return new TranLog.Discount(1, type, new BigDecimal(value), new BigDecimal(amount),
                promotion == null ? null : "Spring sale", promotion, promoType);
    }

    static TranLog.AllocatedDiscount alloc(String amount, int qty) {
        return new TranLog.AllocatedDiscount(1, "DiscountAmount", new BigDecimal(amount), qty);
    }

    static TranLog.Payment payment(int no, String code, String name, String deposit, String amount) {
        return new TranLog.Payment(no, code, name, new BigDecimal(deposit), new BigDecimal(amount), null);
    }

    static TranLog.Tax tax(int no, String code, String type, String name, String amount, String target, int qty) {
        return new TranLog.Tax(no, code, type, name, new BigDecimal(amount), new BigDecimal(target), qty);
    }

    private TranLog.Origin origin(long no, String day) {
        return new TranLog.Origin(tenant, store, terminal, no, TranLog.SALE, date, day + "00:00:00.000" + ZONE,
                111110 + no);
    }
}
