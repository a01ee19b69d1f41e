package ir.hamyar.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes {@link Json#MAPPER} the mapper of the REST layer, so answers are written as the record and scenarios see them. */
@Singleton
public class JsonMapperProducer {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return Json.MAPPER;
    }
}
