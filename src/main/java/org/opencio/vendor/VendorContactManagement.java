package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.shared.Checks;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people at a vendor the organization deals with: account manager, support, billing and others. */
@Service
public class VendorContactManagement {

    /** Digits with the usual separators, an optional leading + and an optional extension ("+49 (0)711 123-45 ext. 12"). */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,40}((ext\\.?|x) ?[0-9]{1,6})?$", Pattern.CASE_INSENSITIVE);

    private final VendorContacts contacts;
    private final VendorManagement vendors;
    private final AuditTrail audit;

    VendorContactManagement(VendorContacts contacts, VendorManagement vendors, AuditTrail audit) {
        this.contacts = contacts;
        this.vendors = vendors;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ContactView> list(UUID vendorId) {
        Access.require(Permission.VENDORS_VIEW);
        vendors.find(vendorId);
        return contacts.findByVendorIdAndArchivedFalseOrderByKindAscNameAsc(vendorId).stream().map(VendorContact::view).toList();
    }

    @Transactional(readOnly = true)
    public ContactView get(UUID vendorId, UUID contactId) {
        Access.require(Permission.VENDORS_VIEW);
        return find(vendorId, contactId).view();
    }

    @Transactional
    public ContactView create(UUID vendorId, SaveContact command) {
        Access.require(Permission.VENDORS_MANAGE);
        vendors.findCurrent(vendorId);
        check(command);
        var contact = new VendorContact(vendorId);
        contact.describe(command.name(), command.kind(), command.jobTitle(), command.email(), command.phone());
        contacts.saveAndFlush(contact);
        audit.record("vendor-contact.created", "VendorContact", contact.getId(), null, contact.snapshot());
        return contact.view();
    }

    @Transactional
    public ContactView update(UUID vendorId, UUID contactId, SaveContact command, long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        VendorContact contact = find(vendorId, contactId);
        Versions.check(expectedVersion, contact.version());
        check(command);
        var before = contact.snapshot();
        contact.describe(command.name(), command.kind(), command.jobTitle(), command.email(), command.phone());
        contacts.saveAndFlush(contact);
        audit.record("vendor-contact.updated", "VendorContact", contactId, before, contact.snapshot());
        return contact.view();
    }

    /** Removes the contact from the vendor's list (the audit trail keeps who it was). */
    @Transactional
    public void remove(UUID vendorId, UUID contactId, @Nullable Long expectedVersion) {
        Access.require(Permission.VENDORS_MANAGE);
        VendorContact contact = find(vendorId, contactId);
        if (expectedVersion != null) {
            Versions.check(expectedVersion, contact.version());
        }
        var before = contact.snapshot();
        contact.archive();
        contacts.saveAndFlush(contact);
        audit.record("vendor-contact.removed", "VendorContact", contactId, before, contact.snapshot());
    }

    private VendorContact find(UUID vendorId, UUID contactId) {
        vendors.find(vendorId);
        return contacts.findById(contactId)
                .filter(c -> c.vendorId().equals(vendorId) && !c.archived())
                .orElseThrow(() -> new NotFoundException("Contact"));
    }

    static void check(SaveContact c) {
        checks(c).throwIfAny();
    }

    /** Every problem of a contact as entered, for the API, the forms and the import alike. */
    static Checks checks(SaveContact c) {
        var checks = new Checks()
                .text("name", c.name(), 200, true)
                .required("kind", c.kind())
                .text("jobTitle", c.jobTitle(), 200, false)
                .text("phone", c.phone(), 50, false);
        if (c.email() != null && !c.email().isBlank()) {
            checks.email("email", c.email());
        }
        if (c.phone() != null && !c.phone().isBlank() && c.phone().strip().length() <= 50) {
            checks.rule(PHONE.matcher(c.phone().strip()).matches() && c.phone().chars().filter(Character::isDigit).count() >= 3,
                    "phone", "phone", "phone must be a telephone number such as +49 711 123456");
        }
        return checks;
    }
}
