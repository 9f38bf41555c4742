// SPDX-License-Identifier: Apache-2.0
package org.m365mailwizard.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How each attachment travels, decided by the final request sizes so that no request exceeds
 * {@link GraphLimits#maxRequestBytes()}: inline in the one {@code sendMail} when everything fits;
 * otherwise a draft message, with small files inline in it or posted one by one, and files above
 * {@link GraphLimits#inlineFileMaxBytes()} (or too big for one request once in base64) through
 * upload sessions. The draft path needs {@code Mail.ReadWrite}.
 *
 * @param inline in the sendMail request, or in the draft's creation request
 * @param separate posted one per request to the draft's attachments
 * @param uploaded through an upload session each
 */
public record AttachmentPlan(Route route, List<MailAttachment> inline, List<MailAttachment> separate,
                             List<MailAttachment> uploaded) {

    /** One request, or the draft-and-send sequence. */
    public enum Route { SEND_MAIL, DRAFT }

    /** How one attachment travels, for the result. */
    public enum Method { INLINE, SEPARATE, UPLOAD_SESSION }

    public AttachmentPlan {
        inline = List.copyOf(inline);
        separate = List.copyOf(separate);
        uploaded = List.copyOf(uploaded);
    }

    public boolean needsDraft() {
        return route == Route.DRAFT;
    }

    public long totalBytes() {
        return sum(inline) + sum(separate) + sum(uploaded);
    }

    public Method methodOf(MailAttachment a) {
        if (uploaded.contains(a)) {
            return Method.UPLOAD_SESSION;
        }
        return separate.contains(a) ? Method.SEPARATE : Method.INLINE;
    }

    /**
     * Plans the attachments in the user's order.
     *
     * @param baseBytes the request body without any attachment
     * @param inlineCost the bytes one attachment adds to a request when inline
     */
    static AttachmentPlan of(List<MailAttachment> files, long baseBytes, ToLongFunction<MailAttachment> inlineCost,
                             GraphLimits limits) {
        List<MailAttachment> inline = new ArrayList<>();
        List<MailAttachment> overflow = new ArrayList<>();
        List<MailAttachment> uploaded = new ArrayList<>();
        long budget = limits.maxRequestBytes() - baseBytes;
        for (MailAttachment a : files) {
            if (a.size() > limits.inlineFileMaxBytes()) {
                uploaded.add(a);
                continue;
            }
            long cost = inlineCost.applyAsLong(a);
            if (cost <= budget) {
                inline.add(a);
                budget -= cost;
            } else {
                overflow.add(a);
            }
        }
        if (overflow.isEmpty() && uploaded.isEmpty()) {
            return new AttachmentPlan(Route.SEND_MAIL, inline, List.of(), List.of());
        }
        List<MailAttachment> separate = new ArrayList<>();
        for (MailAttachment a : overflow) {
            // A single POST of one fileAttachment is a request too: it must fit on its own, else upload.
            (inlineCost.applyAsLong(a) <= limits.maxRequestBytes() ? separate : uploaded).add(a);
        }
        return new AttachmentPlan(Route.DRAFT, inline, separate, uploaded);
    }

    private static long sum(List<MailAttachment> list) {
        return list.stream().mapToLong(MailAttachment::size).sum();
    }
}
