/**
 * The published events' JSON Schemas, each at the path of its {@code $id} ({@code /schemas/<type>.json}), anonymously and
 * cacheable, so that the AsyncAPI document and a consumer's validator resolve them without the repository.
 */
package io.tally.gateway.schemas;
