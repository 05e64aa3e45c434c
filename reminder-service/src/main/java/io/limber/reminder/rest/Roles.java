package io.limber.reminder.rest;

final class Roles {

    static final String MEMBER = "member";
    static final String PROBLEM = "application/problem+json";

    private Roles() {}
}
