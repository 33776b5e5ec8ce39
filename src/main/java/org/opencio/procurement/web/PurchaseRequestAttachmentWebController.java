package org.opencio.procurement.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.files.Downloads;
import org.opencio.platform.files.UploadRejectedException;
import org.opencio.platform.web.Flash;
import org.opencio.platform.web.Forms;
import org.opencio.procurement.PurchaseRequestAttachmentManagement;
import org.opencio.procurement.PurchaseRequestAttachmentView;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A request's attachments on its page: the upload form, downloads and removal. */
@Controller
@RequestMapping("/o/{orgSlug}/purchase-requests/{id}/attachments")
class PurchaseRequestAttachmentWebController {

    private final PurchaseRequestAttachmentManagement attachments;
    private final RequestPage requestPage;

    PurchaseRequestAttachmentWebController(PurchaseRequestAttachmentManagement attachments, RequestPage requestPage) {
        this.attachments = attachments;
        this.requestPage = requestPage;
    }

    @PostMapping
    String upload(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        UUID requestId = Ids.parse(id, "Purchase request");
        try {
            PurchaseRequestAttachmentView a = file == null
                    ? attachments.add(requestId, null, null, 0, InputStream.nullInputStream())
                    : attachments.add(requestId, file.getOriginalFilename(), file.getContentType(), file.getSize(), file.getInputStream());
            Flash.success(redirect, "purchaseRequest.attachments.attached", a.fileName());
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + requestId + "#attachments";
        } catch (UploadRejectedException e) {
            requestPage.show(requestId, model);
            model.addAttribute("errors", Map.of("file", e.getMessage()));
        } catch (ConflictException e) {
            requestPage.show(requestId, model);
            model.addAttribute("errors", Map.of("file", e.getMessage()));
        }
        return RequestPage.VIEW;
    }

    @GetMapping("/{attachmentId}")
    ResponseEntity<byte[]> download(@PathVariable String orgSlug, @PathVariable String id, @PathVariable String attachmentId) {
        PurchaseRequestAttachmentView.Content c = attachments.download(Ids.parse(id, "Purchase request"), Ids.parse(attachmentId, "Attachment"));
        return Downloads.attachment(c.attachment().fileName(), c.attachment().contentType(), c.bytes(), c.attachment().version());
    }

    @PostMapping("/{attachmentId}/remove")
    String remove(
            @PathVariable String orgSlug,
            @PathVariable String id,
            @PathVariable String attachmentId,
            @RequestParam(required = false) @Nullable Long version,
            Model model,
            RedirectAttributes redirect) {
        UUID requestId = Ids.parse(id, "Purchase request");
        UUID attachment = Ids.parse(attachmentId, "Attachment");
        requestPage.show(requestId, model);
        return Forms.submit(model, RequestPage.VIEW, () -> {
            attachments.remove(requestId, attachment, version);
            Flash.success(redirect, "purchaseRequest.attachments.removed");
            return "redirect:/o/" + orgSlug + "/purchase-requests/" + requestId + "#attachments";
        });
    }
}
