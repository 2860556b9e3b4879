package org.lectern.events.program;

enum EventKind { WORKSHOP, TUTORIAL, COURSE, CONFERENCE }
