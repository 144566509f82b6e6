-- The instances of this service that run its tracking processors, each seen within the last few seconds while it
-- lives (SegmentShares): how many share the segments. Repeatable, so that it joins databases made before it.
CREATE TABLE IF NOT EXISTS processor_instances (
    node_id VARCHAR(255) PRIMARY KEY,
    seen_at TIMESTAMPTZ  NOT NULL
);
