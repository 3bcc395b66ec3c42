package org.councilflow.tenancy;

/**
 * The languages a council publishes in (Welsh Language Standards: the 22 Welsh councils publish in Welsh and English).
 * The first is what a page is in when the reader has chosen nothing; bilingual sites offer a switch to the other.
 */
public enum SiteLanguages {
    ENGLISH("en"),
    WELSH("cy"),
    /** Welsh first, as the Standards expect: the default page and the first part of an e-mail. */
    BILINGUAL("cy", "en");

    private final String[] tags;

    SiteLanguages(String... tags) {
        this.tags = tags;
    }

    /** The BCP 47 language tags, first the default: {@code en}, {@code cy}. */
    public java.util.List<String> tags() {
        return java.util.List.of(tags);
    }

    public String first() {
        return tags[0];
    }

    public boolean offers(String tag) {
        return tags().contains(tag);
    }
}
