package io.tally.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The CloudEvents {@code type} of a published event and the topic it is published on.
 * A changed shape is a new version: a new type string and an upcaster, never an edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The CloudEvents type, for example {@code io.tally.customer.CustomerCreated.v1}. */
    String value();

    /** The topic the event is published on. */
    String topic();
}
