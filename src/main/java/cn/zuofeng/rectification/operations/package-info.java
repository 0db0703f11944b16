/**
 * Running the application in production: the database-outage and conflict answers (503, 409), the
 * job executor and ledger metrics for Prometheus. Builds on {@code ledger}; no feature imports it.
 */
package cn.zuofeng.rectification.operations;
