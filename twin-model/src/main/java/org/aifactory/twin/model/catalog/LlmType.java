package org.aifactory.twin.model.catalog;

import org.aifactory.twin.model.Checks;

/**
 * A language model's shape, enough to size weights and KV cache.
 *
 * @param parametersB total parameters, billions; {@code activeParametersB} per token (MoE)
 * @param kvLoraRank MLA compressed KV rank, or null for GQA models
 */
public record LlmType(
        String id,
        String name,
        double parametersB,
        double activeParametersB,
        int layers,
        int hiddenSize,
        int attentionHeads,
        int kvHeads,
        int headDim,
        Integer kvLoraRank,
        Integer ropeDim,
        int experts,
        int activeExperts,
        int contextTokens,
        String source)
        implements CatalogEntry {

    public LlmType {
        Checks.required(id, "id");
    }

    /**
     * KV-cache bytes per token at {@code bytesPerElement}: GQA 2 × layers × kvHeads × headDim × b;
     * MLA (kvLoraRank + ropeDim) × layers × b (llm-academy.dev KV-cache calculator).
     */
    public double kvBytesPerToken(double bytesPerElement) {
        if (kvLoraRank != null) {
            return (kvLoraRank + (ropeDim == null ? 0 : ropeDim)) * (double) layers * bytesPerElement;
        }
        return 2.0 * layers * kvHeads * headDim * bytesPerElement;
    }
}
