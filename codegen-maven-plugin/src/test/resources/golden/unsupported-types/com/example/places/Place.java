package com.example.places;

import jakarta.annotation.Generated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * Not a role model: a required Unsupported column is allowed, as in Prisma (rows come from SQL, not the entity).
 *
 * <p>The model {@code Place}, stored in the table {@code places}.
 *
 * <p>Columns without a property, their database types having no Java type:
 * {@code area} ({@code circle}),
 * {@code centre} ({@code point}),
 * {@code network} ({@code inet}),
 * {@code range} ({@code cidr}).
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Place")
@Table(
        name = "places",
        uniqueConstraints = @UniqueConstraint(name = "places_network_key", columnNames = "network"),
        indexes = @Index(name = "places_range_idx", columnList = "\"range\"")
)
public class Place {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id", nullable = false)
    private Integer id;

    @Column(name = "name", nullable = false)
    private String name;

    public Integer getId() {
        return id;
    }

    public void setId(Integer id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
