package dev.kassa.recommendation.domain;

/** One recommended item: its score between 0 and 1 and why. */
public record Recommendation(String itemCode, double score, Reason reason) {
}
