/**
 * The API fuzz: {@link io.tally.systemtests.fuzz.OpenApiFuzzTest} generates requests for every operation of the
 * gateway's live OpenAPI document ({@link io.tally.systemtests.fuzz.ApiDocument},
 * {@link io.tally.systemtests.fuzz.Calls}) with jqwik and sends them to a system of its own
 * ({@link io.tally.systemtests.fuzz.FuzzedSystem}) exactly as generated ({@link io.tally.systemtests.fuzz.Wire}, which
 * the hostile-input system test uses too).
 */
package io.tally.systemtests.fuzz;
