package com.retentionadvisor.web;

/** A manager to pick on the first page. */
public record ManagerEntry(String id, String name, String email) {
}
