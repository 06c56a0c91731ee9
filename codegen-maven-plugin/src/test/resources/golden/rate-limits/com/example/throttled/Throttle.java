package com.example.throttled;

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
 * The model {@code Throttle}, stored in the table {@code throttles}. It plays the role {@code RateLimit} of the adapter contract.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Throttle")
@Table(name = "throttles", indexes = @Index(name = "throttles_window_start_idx", columnList = "window_start"))
@Cacheable(false)
public class Throttle {
    @Id
    @Column(name = "throttle_key", nullable = false)
    private String key;

    @Column(name = "hits", nullable = false)
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
