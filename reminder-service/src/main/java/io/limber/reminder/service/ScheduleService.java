package io.limber.reminder.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.limber.reminder.domain.Preferences;
import io.limber.reminder.domain.PromptPlanner;
import io.limber.reminder.model.Schedule;
import io.limber.reminder.repository.PromptRepository;
import io.limber.reminder.repository.ScheduleRepository;

/** Keeps each member's next due time in step with their preferences and movement breaks. */
@ApplicationScoped
public class ScheduleService {

    private final ScheduleRepository schedules;
    private final PromptRepository prompts;

    ScheduleService(ScheduleRepository schedules, PromptRepository prompts) {
        this.schedules = schedules;
        this.prompts = prompts;
    }

    /** The member's schedule row, locked for this transaction; created on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Schedule lockOrCreate(String memberId, Instant now) {
        Schedule schedule = schedules.findForUpdate(memberId);
        if (schedule == null) {
            schedules.createIfAbsent(memberId, now);
            schedule = schedules.findForUpdate(memberId);
        }
        return schedule;
    }

    /** Preferences changed: the schedule starts afresh from now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Schedule replan(String memberId, Preferences prefs, Instant now) {
        Schedule schedule = lockOrCreate(memberId, now);
        schedule.snoozedPromptId = null;
        schedule.nextDueAt = next(memberId, prefs, now).orElse(null);
        schedule.updatedAt = now;
        return schedule;
    }

    /**
     * The member moved (a completed session, a prompt done): the next prompt comes a full
     * interval after the break. A late-arriving older break never pulls a prompt earlier.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBreak(String memberId, Preferences prefs, Instant at, Instant now) {
        Schedule schedule = lockOrCreate(memberId, now);
        if (schedule.lastBreakAt == null || at.isAfter(schedule.lastBreakAt)) {
            schedule.lastBreakAt = at;
        }
        schedule.snoozedPromptId = null;
        Optional<Instant> next = next(memberId, prefs, at.isAfter(now) ? now : at);
        if (next.isEmpty()) {
            schedule.nextDueAt = null;
        } else if (schedule.nextDueAt == null || next.get().isAfter(schedule.nextDueAt)) {
            schedule.nextDueAt = next.get();
        }
        schedule.updatedAt = now;
    }

    public Optional<Instant> next(String memberId, Preferences prefs, Instant from) {
        return PromptPlanner.next(prefs, from, capReached(memberId, prefs));
    }

    public Predicate<LocalDate> capReached(String memberId, Preferences prefs) {
        return date -> prompts.countOn(memberId, date) >= prefs.dailyCap();
    }
}
