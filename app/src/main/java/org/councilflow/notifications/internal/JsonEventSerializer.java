package org.councilflow.notifications.internal;

import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Events as JSON in the registry (records of strings, ids and instants); deterministic, as completion matches on it. */
@Component
class JsonEventSerializer implements EventSerializer {

    private final ObjectMapper json;

    JsonEventSerializer(ObjectMapper json) {
        this.json = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Override
    public Object serialize(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store event " + event.getClass().getName(), e);
        }
    }

    @Override
    public <T> T deserialize(Object serialized, Class<T> type) {
        try {
            return json.readValue(serialized.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read stored event " + type.getName(), e);
        }
    }
}
