-- Exact counts of a platform's customers per facet value, kept by the customer-list
-- projection, so that the total of an unfiltered list or of a list filtered by one tag,
-- one state or one team type is one row read instead of a count over up to a million rows.
-- facet 'all' (value '') is the whole list.
CREATE TABLE customer_facet_counts (
    platform_id UUID   NOT NULL,
    facet       TEXT   COLLATE "C" NOT NULL,
    value       TEXT   COLLATE "C" NOT NULL,
    customers   BIGINT NOT NULL,
    PRIMARY KEY (platform_id, facet, value)
);

INSERT INTO customer_facet_counts (platform_id, facet, value, customers)
SELECT platform_id, 'all', '', customers FROM customer_counts;
INSERT INTO customer_facet_counts (platform_id, facet, value, customers)
SELECT platform_id, 'state', state, count(*) FROM customer_list GROUP BY platform_id, state;
INSERT INTO customer_facet_counts (platform_id, facet, value, customers)
SELECT platform_id, 'teamType', team_type, count(*) FROM customer_list GROUP BY platform_id, team_type;
INSERT INTO customer_facet_counts (platform_id, facet, value, customers)
SELECT platform_id, 'tag', tag, count(*) FROM customer_list, unnest(tag_keys) AS tag GROUP BY platform_id, tag;

DROP TABLE customer_counts;
