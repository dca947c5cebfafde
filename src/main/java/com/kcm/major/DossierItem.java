package com.kcm.major;

import java.util.List;
import java.util.stream.Stream;

/**
 * The dossier checklist of SPEC §6 in the order of the form and the report. A text item is present when it
 * has text; a photo when a photo of that slot is uploaded; the official findings when text or a file is there.
 */
enum DossierItem {
	VEHICLE_PLATE(Group.VEHICLE, Kind.TEXT), VEHICLE_VIN(Group.VEHICLE, Kind.TEXT),
	VEHICLE_MAINTENANCE(Group.VEHICLE, Kind.TEXT), VEHICLE_MODIFICATIONS(Group.VEHICLE, Kind.TEXT),
	VEHICLE_INSURANCE(Group.VEHICLE, Kind.TEXT),
	PHOTO_FRONT(Group.PHOTOS, Kind.PHOTO), PHOTO_FRONT_LEFT(Group.PHOTOS, Kind.PHOTO),
	PHOTO_FRONT_RIGHT(Group.PHOTOS, Kind.PHOTO), PHOTO_REAR(Group.PHOTOS, Kind.PHOTO),
	PHOTO_REAR_LEFT(Group.PHOTOS, Kind.PHOTO), PHOTO_REAR_RIGHT(Group.PHOTOS, Kind.PHOTO),
	PHOTO_DAMAGE(Group.PHOTOS, Kind.PHOTO), PHOTO_SCENE(Group.PHOTOS, Kind.PHOTO),
	CUSTOMER_NAME(Group.CUSTOMER, Kind.TEXT), CUSTOMER_CONTACT(Group.CUSTOMER, Kind.TEXT),
	CUSTOMER_OCCUPATION(Group.CUSTOMER, Kind.TEXT), CUSTOMER_RELATIONS(Group.CUSTOMER, Kind.TEXT),
	CUSTOMER_ACCOUNT(Group.CUSTOMER, Kind.TEXT), CUSTOMER_DEMANDS(Group.CUSTOMER, Kind.TEXT),
	FINDINGS(Group.FINDINGS, Kind.TEXT_OR_FILE), CAUSE(Group.CAUSE, Kind.TEXT), PLAN(Group.PLAN, Kind.TEXT);

	enum Group {
		VEHICLE, PHOTOS, CUSTOMER, FINDINGS, CAUSE, PLAN
	}

	enum Kind {
		TEXT, PHOTO, TEXT_OR_FILE
	}

	final Group group;
	final Kind kind;

	DossierItem(Group group, Kind kind) {
		this.group = group;
		this.kind = kind;
	}

	boolean takesText() {
		return kind != Kind.PHOTO;
	}

	boolean takesFile() {
		return kind != Kind.TEXT;
	}

	static List<DossierItem> photos() {
		return Stream.of(values()).filter(i -> i.kind == Kind.PHOTO).toList();
	}

	/** The contact is personal data: stored encrypted, shown masked. */
	public boolean personal() {
		return this == CUSTOMER_CONTACT;
	}
}
