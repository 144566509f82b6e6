package io.tally.systemtests.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.systemtests.fuzz.ApiDocument.Operation;
import io.tally.systemtests.fuzz.ApiDocument.Parameter;
import io.tally.systemtests.fuzz.Call.Caller;
import io.tally.systemtests.fuzz.Call.Fault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fuzz's requests, generated from the API document for every operation: path parameters
 * (ids of the fuzz platform, of the canary platform, random UUIDs, junk), query parameters from
 * their schemas plus junk, headers (the caller's token or none; an Idempotency-Key present, absent,
 * empty, at and over its length limit, reused; a correlation id valid or malformed) and a body from
 * the request schema with at most one mutation: a required field left out, a field of the wrong
 * type, text that breaks the text rule or the length limit, boundary and foreign text, an unknown
 * field, or a body that is not the object at all (junk after it, a key twice, nothing, deep nesting).
 * Bodies stay within the gateway's 64 KiB.
 */
final class Calls {

    /** The ids a request may name. */
    record Targets(String fuzzPlatform, List<String> fuzzCustomers, List<String> canaryCustomers,
                   List<String> fuzzInvitations, List<String> canaryInvitations) {
    }

    /** Operations that end every session of the caller's account: they run with a session of their own. */
    private static final Set<String> SESSION_ENDING = Set.of("logout", "endSession");
    /** A new signing key changes what every service must fetch: the provider's rotation is the key tests' business. */
    private static final String KEY_ROTATION = "rotateSigningKey";

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** Stands for a token no JSON tree can hold (1e999999, a number of 30 digits); replaced in the written text. */
    private static final String RAW = "\u0001raw:";

    /** Text no request may bring in any field, parameter or header-borne value. */
    private static final List<String> BREAKING = List.of("\u0000", "\u001B", "\n", "\t", "\u007F", "\u0085",
            "\u202E", "\u2066", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\uD800", "\uDC00", "\uFFFE", "\uFDD0",
            "\uDBFF\uDFFF");
    /** Text that is odd but well-formed: what a request may well bring. */
    private static final List<String> FOREIGN = List.of("Zoë", "e\u0301te\u0301", "東京", "שלום", "🎉🎉", "Ⅻ",
            "'; DROP TABLE customers; --", "<script>alert(1)</script>", "%s%n", "${jndi:ldap://x}", "null", " ");
    private static final List<String> QUERY_JUNK = List.of("", " ", "-5", "-1", "0", "1000000000000", "1e999999",
            "NaN", "abc", "true", "[]", "..", "%", "'", "\u0000", "a\nb", "\u202Eabc", "a\u200Bb", "ab\uD800c",
            "ab\uFFFEc", "Zoë 東京 🎉", "x".repeat(600));
    private static final List<String> SEGMENT_JUNK = List.of("0", "-1", "null", "not-a-uuid", "{customerId}",
            "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ", "00000000-0000-0000-0000-000000000000", "a".repeat(300),
            "été", "\u202E", "🎉", "12345678123456781234567812345678", "...", " ");

    private final Targets targets;

    Calls(Targets targets) {
        this.targets = targets;
    }

    Arbitrary<Call> of(Operation operation) {
        Arbitrary<Caller> caller = caller(operation);
        Arbitrary<String> path = path(operation);
        Arbitrary<Part> query = query(operation);
        Arbitrary<Part> key = idempotencyKey(operation);
        Arbitrary<String> correlationId = correlationId();
        Arbitrary<Body> body = operation.body() == null ? Arbitraries.just(Body.NONE)
                : body(operation.body(), operation.bodyRequired());
        return Combinators.combine(caller, path, query, key, correlationId, body)
                .as((who, where, parameters, idempotency, correlation, content) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    if (content.text() != null) {
                        headers.put("Content-Type", "application/json");
                    }
                    if (idempotency.text() != null) {
                        headers.put("Idempotency-Key", idempotency.text());
                    }
                    if (correlation != null) {
                        headers.put("X-Correlation-Id", correlation);
                    }
                    return new Call(operation, who, where, parameters.text(), headers, content.text(), content.fault(),
                            parameters.junk() || idempotency.junk());
                });
    }

    /**
     * Mostly the caller the operation is for, as its path and security say (a customer's {@code /me}, the
     * provider's platforms, nobody for the public routes, an admin for the rest), and now and then anyone else.
     */
    private static Arbitrary<Caller> caller(Operation operation) {
        if (SESSION_ENDING.contains(operation.id())) {
            return Arbitraries.of(Caller.LEAVER, Caller.NONE);
        }
        if (operation.id().equals(KEY_ROTATION)) {
            return Arbitraries.of(Caller.ADMIN, Caller.CUSTOMER, Caller.NONE);
        }
        Caller intended;
        if (!operation.secured()) {
            intended = Caller.NONE;
        } else if (operation.path().startsWith("/api/v1/me")) {
            intended = Caller.CUSTOMER;
        } else if (operation.path().startsWith("/api/v1/platforms")) {
            intended = Caller.PROVIDER;
        } else {
            intended = Caller.ADMIN;
        }
        Weighted<Caller> callers = new Weighted<Caller>().or(12, Arbitraries.just(intended));
        for (Caller other : List.of(Caller.ADMIN, Caller.PROVIDER, Caller.CUSTOMER, Caller.NONE)) {
            if (other != intended) {
                callers.or(1, Arbitraries.just(other));
            }
        }
        return callers.arbitrary();
    }

    private Arbitrary<String> path(Operation operation) {
        List<String> literals = new ArrayList<>();
        List<Arbitrary<String>> values = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        int last = 0;
        while (matcher.find()) {
            literals.add(operation.path().substring(last, matcher.start()));
            values.add(segment(matcher.group(1)).map(Wire::encode));
            last = matcher.end();
        }
        String tail = operation.path().substring(last);
        if (values.isEmpty()) {
            return Arbitraries.just(operation.path());
        }
        return Combinators.combine(values).as(chosen -> {
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < chosen.size(); i++) {
                path.append(literals.get(i)).append(chosen.get(i));
            }
            return path.append(tail).toString();
        });
    }

    private Arbitrary<String> segment(String name) {
        Weighted<String> choices = new Weighted<>();
        switch (name) {
            case "customerId" -> choices.or(5, Arbitraries.of(targets.fuzzCustomers()))
                    .or(2, Arbitraries.of(targets.canaryCustomers()));
            case "platformId" -> choices.or(6, Arbitraries.just(targets.fuzzPlatform()));
            case "invitationId" -> choices.or(4, Arbitraries.of(targets.fuzzInvitations()))
                    .or(2, Arbitraries.of(targets.canaryInvitations()));
            default -> {
                // ids the fuzz cannot know (a reset's, a registration's): random ones and junk only
            }
        }
        return choices.or(2, uuids()).or(2, Arbitraries.of(SEGMENT_JUNK)).arbitrary();
    }

    private static Arbitrary<String> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as((high, low) -> new UUID(high, low).toString());
    }

    /** A part of a request as sent, and whether it is junk on purpose. */
    private record Part(String text, boolean junk) {
    }

    private Arbitrary<Part> query(Operation operation) {
        List<Arbitrary<Part>> parameters = new ArrayList<>();
        for (Parameter parameter : operation.in("query")) {
            Arbitrary<Part> value = new Weighted<Part>()
                    .or(4, queryValue(parameter).map(text -> new Part(text, false)))
                    .or(1, Arbitraries.of(QUERY_JUNK).map(text -> new Part(text, true)))
                    .arbitrary()
                    .map(part -> new Part(parameter.name() + "=" + Wire.encode(part.text()), part.junk()));
            Arbitrary<Part> absent = Arbitraries.just(new Part(null, false));
            parameters.add(parameter.required()
                    ? new Weighted<Part>().or(9, value).or(1, absent).arbitrary()
                    : new Weighted<Part>().or(1, value).or(2, absent).arbitrary());
        }
        parameters.add(new Weighted<Part>()
                .or(19, Arbitraries.just(new Part(null, false)))
                .or(1, Arbitraries.of("bogus=1", "limit=1&limit=2", "q").map(text -> new Part(text, true)))
                .arbitrary());
        return Combinators.combine(parameters).as(parts -> {
            List<String> texts = new ArrayList<>();
            boolean junk = false;
            for (Part part : parts) {
                if (part.text() != null) {
                    texts.add(part.text());
                    junk |= part.junk();
                }
            }
            return new Part(String.join("&", texts), junk);
        });
    }

    private Arbitrary<String> queryValue(Parameter parameter) {
        JsonNode schema = parameter.schema();
        return switch (parameter.name()) {
            case "q" -> Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12);
            case "tag" -> Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
            case "cursor" -> Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withChars("0123456789-_")
                    .ofMinLength(4).ofMaxLength(80);
            case "sort" -> Combinators.combine(
                    Arbitraries.of("account", "teamName", "teamType", "id", "balance", "credits", "companyName", "state",
                            "tags", "registrationTime", "registeredAt"),
                    Arbitraries.of("", ",asc", ",desc")).as(String::concat);
            case "type" -> Arbitraries.of("REFILL", "DEDUCTION", "CREDITS", "REFILL,DEDUCTION", "CREDITS,REFILL,DEDUCTION");
            case "minBalance", "maxBalance" -> decimals(true);
            default -> text(parameter.name(), schema).map(JsonNode::asText);
        };
    }

    private static Arbitrary<Part> idempotencyKey(Operation operation) {
        boolean declared = operation.in("header").stream().anyMatch(p -> p.name().equals("Idempotency-Key"));
        Arbitrary<Part> fresh = uuids().map(id -> new Part("fuzz-" + id, false));
        if (!declared) {
            return new Weighted<Part>().or(9, Arbitraries.just(new Part(null, false))).or(1, fresh).arbitrary();
        }
        return new Weighted<Part>()
                .or(6, fresh)
                .or(1, Arbitraries.of("fuzz-reused-1", "fuzz-reused-2").map(key -> new Part(key, false)))
                .or(1, Arbitraries.just(new Part("k".repeat(255), false)))
                .or(1, Arbitraries.of(new Part(null, true), new Part("", true), new Part("k".repeat(256), true),
                        new Part("k".repeat(4000), true)))
                .arbitrary();
    }

    private static Arbitrary<String> correlationId() {
        return new Weighted<String>()
                .or(3, Arbitraries.just(null))
                .or(1, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40))
                .or(1, Arbitraries.of("c".repeat(129), "not valid!", "a/b", "\"quoted\""))
                .arbitrary();
    }

    /** A body as sent and what is certainly wrong with it. */
    private record Body(String text, Fault fault) {
        static final Body NONE = new Body(null, Fault.NONE);
    }

    private Arbitrary<Body> body(JsonNode schema, boolean bodyRequired) {
        return value("", schema).flatMap(valid -> {
            Weighted<Body> bodies = new Weighted<Body>()
                    .or(4, Arbitraries.of(false, true).map(escaped -> new Body(write(valid, escaped), Fault.NONE)));
            List<Leaf> leaves = leaves(valid, schema, "");
            List<Leaf> required = leaves.stream().filter(Leaf::required).toList();
            List<Leaf> texts = leaves.stream().filter(leaf -> leaf.node().isTextual()).toList();
            List<Leaf> objects = new ArrayList<>(leaves.stream().filter(leaf -> leaf.node().isObject()).toList());
            objects.add(new Leaf("", valid, schema, true));
            if (!required.isEmpty()) {
                bodies.or(2, Arbitraries.of(required).map(leaf -> new Body(write(without(valid, leaf), false),
                        Fault.field(leaf.field()))));
            }
            if (!leaves.isEmpty()) {
                bodies.or(3, Arbitraries.of(leaves).flatMap(leaf -> wrongType(leaf).map(wrong ->
                        new Body(write(replaced(valid, leaf, wrong.node()), false),
                                wrong.certain() ? Fault.field(leaf.field()) : Fault.NONE))));
            }
            if (!texts.isEmpty()) {
                bodies.or(3, Arbitraries.of(texts).flatMap(leaf -> oddText(leaf).map(odd ->
                        new Body(write(replaced(valid, leaf, NODES.textNode(odd.text())), true),
                                odd.certain() ? Fault.field(leaf.field()) : Fault.NONE))));
            }
            bodies.or(1, Arbitraries.of(objects).map(leaf -> new Body(write(withUnknown(valid, leaf), false),
                    Fault.field(join(leaf.field(), "unexpected")))));
            bodies.or(2, wholeBody(valid, bodyRequired));
            return bodies.arbitrary();
        });
    }

    /** A value for a schema, as the document describes it. */
    private Arbitrary<JsonNode> value(String name, JsonNode schema) {
        if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.path("enum").forEach(values::add);
            return Arbitraries.of(values);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> {
                int max = Math.min(schema.path("maxItems").asInt(4), 4);
                int min = Math.min(schema.path("minItems").asInt(0), max);
                yield value(name, schema.path("items")).list().ofMinSize(min).ofMaxSize(max).map(items -> {
                    ArrayNode array = NODES.arrayNode();
                    items.forEach(array::add);
                    return array;
                });
            }
            case "integer" -> Arbitraries.longs()
                    .between(schema.path("minimum").asLong(-1000), schema.path("maximum").asLong(1000))
                    .map(NODES::numberNode);
            case "number" -> Arbitraries.doubles().between(-1000, 1000).map(NODES::numberNode);
            case "boolean" -> Arbitraries.of(true, false).map(NODES::booleanNode);
            default -> text(name, schema);
        };
    }

    private Arbitrary<JsonNode> object(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        List<Arbitrary<Tuple2<String, JsonNode>>> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            Arbitrary<Tuple2<String, JsonNode>> present = value(property.getKey(), property.getValue())
                    .map(node -> Tuple.of(property.getKey(), node));
            fields.add(required.contains(property.getKey()) ? present
                    : new Weighted<Tuple2<String, JsonNode>>().or(1, present).or(1, Arbitraries.just(null)).arbitrary());
        });
        return Combinators.combine(fields).as(chosen -> {
            ObjectNode object = NODES.objectNode();
            chosen.stream().filter(java.util.Objects::nonNull).forEach(field -> object.set(field.get1(), field.get2()));
            return object;
        });
    }

    /** Text by what the field is: the document's format and pattern, and its name where they say too little. */
    private Arbitrary<JsonNode> text(String name, JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        String lower = name.toLowerCase(Locale.ROOT);
        Arbitrary<String> text;
        if (format.equals("email") || lower.contains("email") || lower.equals("username")) {
            text = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12)
                    .map(local -> "fuzz-" + local + "@example.com");
        } else if (format.equals("uuid") || lower.endsWith("id")) {
            text = new Weighted<String>().or(2, Arbitraries.just(targets.fuzzPlatform())).or(1, uuids()).arbitrary();
        } else if (format.equals("date-time")) {
            text = Arbitraries.longs().between(946_684_800L, 4_102_444_800L).map(s -> Instant.ofEpochSecond(s).toString());
        } else if (lower.equals("amount") || lower.equals("total") || pattern.startsWith("^[0-9]+(\\.")) {
            text = decimals(false);
        } else if (pattern.equals("^[A-Z]{3}$")) {
            text = Arbitraries.of("USD", "EUR", "JPY", "GBP", "CHF", "XXX", "ABC");
        } else if (pattern.equals("^[A-Z]{2}$")) {
            text = Arbitraries.of("DE", "US", "FR", "GB", "JP", "ZZ");
        } else if (lower.equals("phone")) {
            text = Arbitraries.of("+49 30 1234567", "(555) 123-4567", "+1 555 0100", "030/1234567");
        } else if (lower.contains("password")) {
            text = Arbitraries.strings().alpha().numeric().withChars(" !-").ofMinLength(8).ofMaxLength(40);
        } else if (lower.contains("token")) {
            text = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars("0123456789-_")
                    .ofLength(43);
        } else {
            int max = Math.max(1, Math.min(schema.path("maxLength").asInt(40), 40));
            int min = Math.min(Math.max(schema.path("minLength").asInt(1), 1), max);
            text = new Weighted<String>()
                    .or(4, Arbitraries.strings().alpha().numeric().withChars(" -'.&").ofMinLength(min).ofMaxLength(max)
                            .filter(s -> !s.isBlank()))
                    .or(1, Arbitraries.of(FOREIGN).filter(s -> !s.isBlank()))
                    .arbitrary();
        }
        return text.map(NODES::textNode);
    }

    private static Arbitrary<String> decimals(boolean signed) {
        Arbitrary<String> plain = Arbitraries.of("0.01", "1", "1.00", "2.50", "10", "25.00", "0", "0.00", "0.001",
                "100000.00", "999999999999.99", "1.5");
        return signed ? Combinators.combine(Arbitraries.of("", "-"), plain).as(String::concat) : plain;
    }

    /** A field of a generated body: its name as a problem gives it, its value, its schema, whether it must be there. */
    private record Leaf(String field, JsonNode node, JsonNode schema, boolean required) {
    }

    private static List<Leaf> leaves(JsonNode node, JsonNode schema, String prefix) {
        List<Leaf> leaves = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        node.properties().forEach(field -> {
            JsonNode fieldSchema = schema.path("properties").path(field.getKey());
            String name = join(prefix, field.getKey());
            leaves.add(new Leaf(name, field.getValue(), fieldSchema, required.contains(field.getKey())));
            if (field.getValue().isObject()) {
                leaves.addAll(leaves(field.getValue(), fieldSchema, name));
            }
            if (field.getValue().isArray()) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    leaves.add(new Leaf(name + "[" + i + "]", field.getValue().get(i), fieldSchema.path("items"), false));
                }
            }
        });
        return leaves;
    }

    /** A replacement and whether the document certainly calls it wrong. */
    private record Wrong(JsonNode node, boolean certain) {
    }

    private static Arbitrary<Wrong> wrongType(Leaf leaf) {
        List<JsonNode> wrong = new ArrayList<>();
        JsonNode number = NODES.numberNode(42);
        JsonNode fraction = NODES.numberNode(7.5);
        JsonNode huge = NODES.textNode(RAW + "1e999999");
        JsonNode wide = NODES.textNode(RAW + "99999999999999999999999999999");
        JsonNode text = NODES.textNode("7");
        String type = leaf.schema().path("type").asText(leaf.schema().has("properties") ? "object" : "string");
        switch (type) {
            case "integer", "number" -> wrong.addAll(List.of(text, NODES.booleanNode(true), NODES.arrayNode(),
                    NODES.objectNode(), huge, wide));
            case "array" -> wrong.addAll(List.of(NODES.textNode("x"), number, NODES.objectNode()));
            case "object" -> wrong.addAll(List.of(NODES.textNode("x"), number, NODES.arrayNode(), NODES.booleanNode(false)));
            case "boolean" -> wrong.addAll(List.of(NODES.textNode("true"), number));
            default -> wrong.addAll(List.of(number, NODES.booleanNode(true), NODES.arrayNode().add("x"),
                    NODES.objectNode(), huge));
        }
        if (type.equals("integer")) {
            wrong.add(fraction);
        }
        if (leaf.schema().has("enum")) {
            wrong.add(NODES.numberNode(0));
        }
        Arbitrary<Wrong> certain = Arbitraries.of(wrong).map(node -> new Wrong(node, true));
        Arbitrary<Wrong> absent = Arbitraries.just(new Wrong(NODES.nullNode(), leaf.required()));
        return new Weighted<Wrong>().or(5, certain).or(1, absent).arbitrary();
    }

    /** Text against a text field, and whether it is certainly refused. */
    private record Odd(String text, boolean certain) {
    }

    private static Arbitrary<Odd> oddText(Leaf leaf) {
        String value = leaf.node().asText();
        int maxLength = leaf.schema().path("maxLength").asInt(-1);
        Weighted<Odd> odd = new Weighted<Odd>()
                .or(6, Combinators.combine(Arbitraries.of(BREAKING), Arbitraries.integers().between(0, value.length()))
                        .as((bad, at) -> new Odd(value.substring(0, at) + bad + value.substring(at), true)))
                .or(2, Arbitraries.of(FOREIGN).map(text -> new Odd(text, false)))
                .or(1, Arbitraries.of("", "  ").map(text -> new Odd(text, false)));
        if (maxLength >= 0) {
            odd.or(1, Arbitraries.of(new Odd("x".repeat(maxLength), false), new Odd("x".repeat(maxLength + 1), true),
                    new Odd("é".repeat(maxLength + 1), true)));
        } else {
            odd.or(1, Arbitraries.of(new Odd("x".repeat(60_000), false), new Odd("é".repeat(5_000), false)));
        }
        return odd.arbitrary();
    }

    /** An empty body is no body: certainly wrong only where the document requires one. */
    private static Arbitrary<Body> wholeBody(JsonNode valid, boolean required) {
        String text = write(valid, false);
        String first = valid.fieldNames().hasNext() ? valid.fieldNames().next() : null;
        List<Body> bodies = new ArrayList<>(List.of(
                new Body(text + " x", Fault.BODY),
                new Body(text + "}", Fault.BODY),
                new Body(text + text, Fault.BODY),
                new Body("", required ? Fault.BODY : Fault.NONE),
                new Body("null", Fault.BODY),
                new Body("[]", Fault.BODY),
                new Body("\"text\"", Fault.BODY),
                new Body("42", Fault.BODY),
                new Body(text.substring(0, text.length() / 2), Fault.BODY),
                new Body("[".repeat(10_000) + "]".repeat(10_000), Fault.BODY),
                new Body("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000), Fault.BODY)));
        if (first != null) {
            String repeated = "{" + quoted(first) + ":" + write(valid.get(first), false) + "," + text.substring(1);
            bodies.add(new Body(repeated, Fault.field(first)));
        }
        return Arbitraries.of(bodies);
    }

    private static JsonNode without(JsonNode valid, Leaf leaf) {
        return edited(valid, leaf.field(), (parent, key) -> parent.remove(key));
    }

    private static JsonNode replaced(JsonNode valid, Leaf leaf, JsonNode replacement) {
        return edited(valid, leaf.field(), (parent, key) -> parent.set(key, replacement));
    }

    private static JsonNode withUnknown(JsonNode valid, Leaf object) {
        JsonNode copy = valid.deepCopy();
        JsonNode target = object.field().isEmpty() ? copy : copy.at(pointer(object.field()));
        ((ObjectNode) target).put("unexpected", "x");
        return copy;
    }

    /** The body with the field at {@code field} ({@code a.b}, {@code tags[1]}) edited in its parent. */
    private static JsonNode edited(JsonNode valid, String field, Edit edit) {
        JsonNode copy = valid.deepCopy();
        String path = pointer(field);
        int cut = path.lastIndexOf('/');
        JsonNode parent = copy.at(path.substring(0, cut));
        String key = path.substring(cut + 1);
        if (parent instanceof ArrayNode array) {
            int index = Integer.parseInt(key);
            ObjectNode holder = NODES.objectNode();
            holder.set("item", array.get(index));
            edit.apply(holder, "item");
            if (holder.has("item")) {
                array.set(index, holder.get("item"));
            } else {
                array.remove(index);
            }
        } else {
            edit.apply((ObjectNode) parent, key);
        }
        return copy;
    }

    private interface Edit {
        JsonNode apply(ObjectNode parent, String key);
    }

    private static String pointer(String field) {
        return "/" + field.replace(".", "/").replaceAll("\\[(\\d+)]", "/$1");
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String quoted(String name) {
        return write(NODES.textNode(name), false);
    }

    /** The body's JSON; every character outside ASCII escaped when asked, and always when a lone surrogate must survive. */
    private static String write(JsonNode node, boolean escaped) {
        try {
            String text = (escaped ? ESCAPING : PLAIN).writeValueAsString(node);
            if (!escaped && hasLoneSurrogate(text)) {
                text = ESCAPING.writeValueAsString(node);
            }
            return text.replaceAll("\"\\\\u0001raw:([^\"]*)\"", "$1");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Choices by weight, without generic varargs. */
    private static final class Weighted<T> {

        private final List<Tuple2<Integer, Arbitrary<T>>> choices = new ArrayList<>();

        Weighted<T> or(int weight, Arbitrary<T> choice) {
            choices.add(Tuple.of(weight, choice));
            return this;
        }

        Arbitrary<T> arbitrary() {
            return Arbitraries.frequencyOf(choices);
        }
    }
}
