package org.opencio.budget;

/**
 * The document behind a movement of money ({@code type} such as "purchase-request", "purchase-order", "invoice",
 * "contract", "manual"; {@code id} its id). Each stage records a document at most once.
 */
public record SourceDocument(String type, String id) {

    String key(Stage stage) {
        return stage.name() + ":" + type + ":" + id;
    }
}
