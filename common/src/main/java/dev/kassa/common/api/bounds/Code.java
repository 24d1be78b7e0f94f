package dev.kassa.common.api.bounds;

import dev.kassa.common.api.Limits;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
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

/** The bound of a code: 1 to 64 characters, no control characters (see {@link Limits}). Null passes; add {@code @NotNull} where required. */
@Size(min = 1, max = Limits.CODE_MAX) @Pattern(regexp = Limits.NO_CONTROL_CHARACTERS)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
public @interface Code {
    String message() default "must be a code: 1 to 64 characters, no control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
