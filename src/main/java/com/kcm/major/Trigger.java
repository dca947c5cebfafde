package com.kcm.major;

/** The typical triggers of SPEC §6, offered as a checklist when flagging. */
enum Trigger {
	FIRE, INJURY_OR_DEATH, GROUP_COMPLAINT, MEDIA_OR_LAWYER, EXPOSURE_THREAT
}
