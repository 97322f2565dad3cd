-- What happens to the tasks that wait for a task when its dates change: 'flag' marks
-- them slipped (what every existing plan has done so far), 'move' moves them forward by
-- what the link requires, after the person has seen the moves.
ALTER TABLE rollouts ADD COLUMN schedule_mode TEXT NOT NULL DEFAULT 'flag'
    CHECK (schedule_mode IN ('flag', 'move'));
