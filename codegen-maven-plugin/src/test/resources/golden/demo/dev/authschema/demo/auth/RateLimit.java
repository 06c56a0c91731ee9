package dev.authschema.demo.auth;

import jakarta.annotation.Generated;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The engine's rate-limit counters (optional role RateLimit, bound by its name): with this model the limits are
 * counted in the database and hold across every server that shares it. Keys are hashed: no address is stored.
 *
 * <p>The model {@code RateLimit}, stored in the table {@code demo_rate_limits}. It plays the role {@code RateLimit} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "RateLimit")
@Table(
        name = "demo_rate_limits",
        indexes = @Index(name = "demo_rate_limits_window_start_idx", columnList = "window_start")
)
@Cacheable(false)
public class RateLimit {
    @Id
    @Column(name = "\"key\"", nullable = false)
    private String key;

    @Column(name = "\"count\"", nullable = false)
    private Integer count;

    @Column(name = "window_start", nullable = false)
    @Convert(converter = UtcInstantConverter.class)
    private Instant windowStart;

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public Instant getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(Instant windowStart) {
        this.windowStart = windowStart;
    }
}
