package com.retentionadvisor.callers;

import java.util.List;

/**
 * The roles a caller may have, one each, as {@code @RolesAllowed} names them: the CRM pushes data and asks for advice
 * and contact checks, an analyst works on the rules, a manager works on their own customers, an admin may do all of it
 * and manages the callers.
 */
public final class Roles {

    public static final String CRM = "crm";
    public static final String ANALYST = "analyst";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(CRM, ANALYST, MANAGER, ADMIN);

    private Roles() {
    }
}
