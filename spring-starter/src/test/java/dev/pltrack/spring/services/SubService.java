package dev.pltrack.spring.services;

/** Inherits its tracking from {@link BaseService}. */
public class SubService extends BaseService {

    @Override
    public long answer(long requestId) {
        return requestId;
    }
}
