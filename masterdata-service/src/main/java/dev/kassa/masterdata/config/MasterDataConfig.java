package dev.kassa.masterdata.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** {@code kassa.masterdata.*}: the tax master and the shop's time zone. */
@ConfigMapping(prefix = "kassa.masterdata")
public interface MasterDataConfig {

    /** Where promotion periods without an offset are read and item-book ids are dated. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    /** The tax master, read-only (Kugel's TAX_MASTER). */
    List<Tax> taxes();

    interface Tax {
        String taxCode();

        /** Exempt, External or Internal. */
        String taxType();

        String taxName();

        BigDecimal rate();

        /** -1 rounds to whole currency units (Kugel quantizes to "1."). */
        @WithDefault("-1")
        int roundDigit();

        /** Floor, Ceil or Round; absent for no rounding. */
        Optional<String> roundMethod();
    }
}
