package com.example.pages;

import jakarta.annotation.Generated;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.io.Serializable;
import java.util.Objects;

/**
 * The model {@code Page}, stored in the table {@code Page}.
 */
@Generated("dev.authschema.codegen")
@Entity(name = "Page")
@Table(
        name = "Page",
        uniqueConstraints = @UniqueConstraint(name = "Page_locale_title_key", columnNames = {"locale", "title"}),
        indexes = @Index(name = "Page_authorId_idx", columnList = "authorId")
)
@IdClass(Page.Key.class)
public class Page {
    @Id
    @Column(name = "slug", nullable = false, length = 300)
    private String slug;

    @Id
    @Column(name = "locale", nullable = false, length = 10)
    private String locale;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "authorId", nullable = false)
    private String authorId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "authorId", referencedColumnName = "id", insertable = false, updatable = false)
    private User author;

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAuthorId() {
        return authorId;
    }

    public void setAuthorId(String authorId) {
        this.authorId = authorId;
    }

    public User getAuthor() {
        return author;
    }

    public void setAuthor(User author) {
        this.author = author;
    }

    /**
     * The key of {@code Page}: slug, locale.
     */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String slug;

        private String locale;

        public Key() {
        }

        public Key(String slug, String locale) {
            this.slug = slug;
            this.locale = locale;
        }

        public String getSlug() {
            return slug;
        }

        public String getLocale() {
            return locale;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key that)) {
                return false;
            }
            return Objects.equals(slug, that.slug) && Objects.equals(locale, that.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hash(slug, locale);
        }
    }
}
