package org.councilflow.common.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.databind.DeserializationFeature;

/**
 * A request body with a field the endpoint does not know is refused (400 naming it) instead of read without it:
 * Spring Boot's default drops such fields silently, and so a client's {@code itemNumber} vanished. Only request
 * bodies: JSON the application stored itself is read by the application's mapper, which stays lenient so that
 * records written before a field was removed remain readable.
 */
@Configuration(proxyBeanMethods = false)
class UnknownFields implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            }
        }
    }
}
