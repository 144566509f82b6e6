package io.tally.systemtests.bench;

import io.tally.systemtests.support.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delay of each stage an event passes on its way to the customer list, as the services measure it ({@code
 * tally.processor.delay}: from the event's time until the processor's commit): the ledger's publication to Kafka, then
 * customer-service's ledger-figures projection. Their median and 99th percentile, over Micrometer's window of the last
 * minute or two, read from each service's Prometheus page at the end of the lag window.
 */
record StageDelays(List<Stage> stages) {

    record Stage(String service, String processor, double p50Ms, double p99Ms) {
    }

    private static final Pattern LINE = Pattern.compile(
            "^tally_processor_delay_seconds\\{.*?processor=\"([^\"]+)\".*?quantile=\"(0\\.5|0\\.99)\".*?} (\\S+)$");

    static StageDelays read(Api ledgerManagement, Api customerManagement) {
        List<Stage> stages = new ArrayList<>();
        stages.addAll(stages("credit-ledger-service", ledgerManagement, "kafka-publisher"));
        stages.addAll(stages("customer-service", customerManagement, "ledger-figures"));
        return new StageDelays(List.copyOf(stages));
    }

    private static List<Stage> stages(String service, Api management, String processor) {
        Api.Response page = management.get("/actuator/prometheus", null);
        if (page.status() != 200) {
            throw new IllegalStateException(service + "'s metrics answered " + page);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        for (String line : page.body().split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches() && matcher.group(1).equals(processor)) {
                double ms = Double.parseDouble(matcher.group(3)) * 1000;
                if (matcher.group(2).equals("0.5")) {
                    p50 = ms;
                } else {
                    p99 = ms;
                }
            }
        }
        return List.of(new Stage(service, processor, p50, p99));
    }

    String describe() {
        StringBuilder text = new StringBuilder();
        for (Stage stage : stages) {
            text.append(String.format(Locale.ROOT, "%s%s's %s p50 %.0f ms, p99 %.0f ms", text.isEmpty() ? "" : "; ",
                    stage.service(), stage.processor(), stage.p50Ms(), stage.p99Ms()));
        }
        return text.toString();
    }
}
