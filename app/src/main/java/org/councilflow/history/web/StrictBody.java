package org.councilflow.history.web;

import org.councilflow.common.InvalidFieldException;
import org.councilflow.history.ImportRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * An import request read strictly: a field it does not know (a misspelt one, or one it must never take, such as the
 * council's settings) is refused with 400 naming it, at any depth of the records.
 */
final class StrictBody {

    private final ObjectReader reader;

    StrictBody(ObjectMapper json) {
        this.reader = json.readerFor(ImportRequest.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    ImportRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "must be a JSON object");
        }
        try {
            return reader.readValue(body);
        } catch (JsonMappingException e) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference reference : e.getPath()) {
                if (reference.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(reference.getFieldName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            throw new InvalidFieldException(field.length() == 0 ? "body" : field.toString(),
                    e instanceof UnrecognizedPropertyException ? "is not a field of this request" : "is not valid here");
        } catch (java.io.IOException e) {
            throw new InvalidFieldException("body", "is not the JSON this operation expects");
        }
    }
}
