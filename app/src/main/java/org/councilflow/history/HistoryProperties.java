package org.councilflow.history;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * History import and ModernGov's read shape.
 *
 * @param zone the councils' time zone: a source's dates and times are local to it
 * @param connectTimeout how long a ModernGov server may take to accept a connection
 * @param requestTimeout how long one answer may take in all
 * @param maxXmlSize the largest XML answer or file read (larger is refused, never read in part)
 * @param maxRequests the most web service calls one run makes (committees, their meeting lists, each meeting)
 * @param allowPrivateNetworks whether a base URL may name a loopback, link-local or private address; off in
 *     production so that a council's administrator cannot make the server read its own network (tests serve fixtures
 *     on loopback)
 * @param workers runs carried out at once across the deployment's councils (more wait their turn)
 * @param meetingsPerTransaction meetings imported in one transaction, their writes batched (a transaction that fails
 *     is tried again one meeting at a time, so that only the failing meeting is left out)
 */
@Validated
@ConfigurationProperties("councilflow.history")
public record HistoryProperties(@NotNull ZoneId zone, @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("60s") Duration requestTimeout, @NotNull @DefaultValue("16MB") DataSize maxXmlSize,
        @Min(1) @Max(1_000_000) @DefaultValue("20000") int maxRequests,
        @DefaultValue("false") boolean allowPrivateNetworks, @Min(1) @Max(8) @DefaultValue("1") int workers,
        @Min(1) @Max(500) @DefaultValue("25") int meetingsPerTransaction) {
}
