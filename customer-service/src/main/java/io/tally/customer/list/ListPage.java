package io.tally.customer.list;

import io.tally.service.docs.PageParameters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters of a page of the customer list: the filters and sort, then the cursor and the page size.
 * Both come through an annotation of their own because springdoc lists the parameters of meta-annotations nearest
 * first: the cursor and the size declared here directly would come before the filters in the document.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ListFilters
@PageParameters
@interface ListPage {
}
