package dev.kassa.common.mongo;

import com.mongodb.MongoServerException;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.error.ExceptionTranslator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** A duplicate-key write (code 11000, single or bulk, write or command) is a duplicate the client sent (400). */
@ApplicationScoped
public class MongoExceptionTranslator implements ExceptionTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        if (failure instanceof MongoServerException s && s.getCode() == 11000) {
            return Optional.of(ApiException.duplicate("The record already exists"));
        }
        return Optional.empty();
    }
}
