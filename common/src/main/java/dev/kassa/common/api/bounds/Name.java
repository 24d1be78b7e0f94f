package dev.kassa.common.api.bounds;

import dev.kassa.common.api.Limits;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/** The bound of a name or description shown to people: at most 255 characters (see {@link Limits}). Null passes; add {@code @NotNull} where required. */
@Size(max = Limits.NAME_MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
public @interface Name {
    String message() default "must be a name or description shown to people: at most 255 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
