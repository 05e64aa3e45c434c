package io.limber.session.service;

/** The member a request is made for, as the verified token names them. */
public record Caller(String memberId, String employerId) {}
