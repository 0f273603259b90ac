package org.jkeras.saving;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;
import org.jkeras.backend.JKerasException;

/**
 * JSON text to and from Keras configs (maps of String, Number, Boolean, List, Map, null), with
 * Jackson. Keeps key order, so written configs read like the ones Keras writes.
 */
public final class KerasJson {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(LoadLimits.MAX_JSON_DEPTH).build())
      .build())
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private KerasJson() {}

  /** Compact JSON, as Keras's {@code json.dumps}. */
  public static String write(Object config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new JKerasException("Could not write the config as JSON: " + e.getOriginalMessage());
    }
  }

  /** A JSON object as a map; {@code what} names the source in errors. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readObject(String json, String what) {
    Object value;
    try {
      value = MAPPER.readValue(json, Object.class);
    } catch (StreamConstraintsException e) {
      throw new JKerasException(what + " is over jkeras's limits for configs: "
          + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new JKerasException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(value instanceof Map<?, ?> m)) {
      throw new JKerasException(what + " should hold a JSON object; it holds "
          + (value == null ? "null" : value.getClass().getSimpleName()) + ".");
    }
    return (Map<String, Object>) m;
  }
}
