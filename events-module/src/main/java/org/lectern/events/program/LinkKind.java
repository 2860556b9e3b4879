package org.lectern.events.program;

enum LinkKind { REGISTRATION, INTEREST_FORM, RECORDINGS, SLIDES, OTHER }
